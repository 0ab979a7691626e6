package com.crmfactory.messaging.agent.dialogue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code agent.*}: how the offline agent decides.
 *
 * @param debounce            while the customer is still typing (another message of the session within this
 *                            moment, or its turn running), the turn waits this long after the latest message, so a
 *                            burst is answered once; the first message of a quiet session is answered at once
 * @param confidenceThreshold under this calibrated confidence the agent hands over ("low_confidence")
 * @param minSimilarity       under this similarity to any known intent a message is "not understood"
 * @param notUnderstoodLimit  consecutive turns not understood before handing over
 * @param turnLease           how long a running turn's claim lasts without its heartbeat (renewed every third of
 *                            it): a replica that dies mid-turn has its turn taken over this long after its last beat
 */
@ConfigurationProperties("agent")
public record AgentProperties(Duration debounce, double confidenceThreshold, double minSimilarity,
        int notUnderstoodLimit, String humanQueue, Duration turnLease) {

    public AgentProperties {
        debounce = debounce == null ? Duration.ofMillis(150) : debounce;
        confidenceThreshold = confidenceThreshold == 0 ? 0.5 : confidenceThreshold;
        minSimilarity = minSimilarity == 0 ? 0.45 : minSimilarity;
        notUnderstoodLimit = notUnderstoodLimit == 0 ? 2 : notUnderstoodLimit;
        humanQueue = humanQueue == null ? "support" : humanQueue;
        turnLease = turnLease == null ? Duration.ofSeconds(10) : turnLease;
    }
}
