package com.crmfactory.messaging.support.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox relay settings ({@code platform.outbox.*}).
 *
 * @param enabled whether this instance runs the relay at all
 * @param pollInterval pause between polls when the outbox was empty
 * @param batchSize rows published per transaction
 * @param sendTimeout how long to wait for the broker's acknowledgements of one batch
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("200") int batchSize, @DefaultValue("10s") Duration sendTimeout) {
}
