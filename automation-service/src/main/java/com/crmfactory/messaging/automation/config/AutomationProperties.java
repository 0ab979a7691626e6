package com.crmfactory.messaging.automation.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine settings ({@code automation.*}).
 *
 * @param cacheTtl        how long an instance trusts its cached list of an org's enabled automations; a change
 *                        made through this instance evicts it at once, other replicas see it after this
 * @param maxChainDepth   how many automation-caused events may trigger further runs (0: none at all)
 * @param regexMaxReads   the work a {@code body_matches} regex may do on one message, in character reads
 *                        (a few milliseconds of CPU); beyond it the condition does not match
 * @param regexTimeout    a wall-clock backstop for the same evaluation
 * @param waitPollInterval how often due steps (after a wait, http requests) are looked for
 * @param waitBatchSize   due runs resumed per poll
 */
@ConfigurationProperties("automation")
public record AutomationProperties(
        @DefaultValue("10s") Duration cacheTtl,
        @DefaultValue("2") int maxChainDepth,
        @DefaultValue("1000000") long regexMaxReads,
        @DefaultValue("1s") Duration regexTimeout,
        @DefaultValue("500ms") Duration waitPollInterval,
        @DefaultValue("20") int waitBatchSize,
        @DefaultValue Http http) {

    /**
     * The http_request action.
     *
     * @param timeout        per attempt (connect and response)
     * @param maxAttempts    attempts on a network error or a 5xx/429 answer
     * @param insecureHosts  development and tests only: hosts that may be called over http and may resolve to
     *                       loopback or private addresses (never set in production)
     */
    public record Http(
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("500ms") Duration retryBackoff,
            @DefaultValue List<String> insecureHosts) {

        public Http {
            insecureHosts = insecureHosts == null ? List.of() : List.copyOf(insecureHosts);
        }

        public boolean isInsecureHost(String host) {
            return host != null && insecureHosts.stream().anyMatch(h -> h.equalsIgnoreCase(host));
        }
    }
}
