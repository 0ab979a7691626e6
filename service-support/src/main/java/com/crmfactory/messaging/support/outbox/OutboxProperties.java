package com.crmfactory.messaging.support.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox relay settings ({@code platform.outbox.*}).
 *
 * @param enabled whether this instance runs the relay at all
 * @param pollInterval pause between the safety-net polls; a commit that appended rows wakes the relay at once, so
 *        this only bounds how long rows left by a crash or another replica's failed hand-off wait
 * @param batchSize rows published per transaction
 * @param sendTimeout how long to wait for the broker's acknowledgements of one batch
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("200") int batchSize, @DefaultValue("10s") Duration sendTimeout) {
}
