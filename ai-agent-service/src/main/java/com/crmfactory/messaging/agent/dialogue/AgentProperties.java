package com.crmfactory.messaging.agent.dialogue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code agent.*}: how the offline agent decides.
 *
 * @param debounce            customer messages within this moment are answered once
 * @param confidenceThreshold under this calibrated confidence the agent hands over ("low_confidence")
 * @param minSimilarity       under this similarity to any known intent a message is "not understood"
 * @param notUnderstoodLimit  consecutive turns not understood before handing over
 */
@ConfigurationProperties("agent")
public record AgentProperties(Duration debounce, double confidenceThreshold, double minSimilarity,
        int notUnderstoodLimit, String humanQueue) {

    public AgentProperties {
        debounce = debounce == null ? Duration.ofMillis(150) : debounce;
        confidenceThreshold = confidenceThreshold == 0 ? 0.5 : confidenceThreshold;
        minSimilarity = minSimilarity == 0 ? 0.45 : minSimilarity;
        notUnderstoodLimit = notUnderstoodLimit == 0 ? 2 : notUnderstoodLimit;
        humanQueue = humanQueue == null ? "support" : humanQueue;
    }
}
