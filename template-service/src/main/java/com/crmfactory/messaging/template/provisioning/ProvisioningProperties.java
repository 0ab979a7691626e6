package com.crmfactory.messaging.template.provisioning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Content provisioning ({@code platform.template.provisioning.*}).
 *
 * @param enabled whether this instance works the queue (on-demand provisioning works regardless)
 * @param pollInterval pause between looks at the queue
 * @param initialDelay pause after start-up before the first look
 * @param batchSize rows claimed at once per replica
 * @param lease how long a claimed row is left to its worker before another replica may take it over (longer
 *        than a worker's Twilio calls can take: three calls at most, each bounded by the read timeout)
 * @param retryInitial back-off after the first failed attempt, doubled after each further one
 * @param retryMax the longest back-off
 */
@ConfigurationProperties("platform.template.provisioning")
public record ProvisioningProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("5s") Duration initialDelay, @DefaultValue("20") int batchSize,
        @DefaultValue("2m") Duration lease, @DefaultValue("30s") Duration retryInitial,
        @DefaultValue("1h") Duration retryMax) {

    /** Back-off after {@code attempts} failed attempts (1, 2, …): retryInitial × 2^(attempts−1), at most retryMax. */
    Duration backoff(int attempts) {
        Duration delay = retryInitial;
        for (int i = 1; i < attempts && delay.compareTo(retryMax) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }
}
