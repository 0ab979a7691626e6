package com.crmfactory.messaging.support.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topics a service owns and consumes ({@code platform.kafka.*}).
 *
 * @param owned topics this service produces and creates at start-up, with their settings
 * @param consumed topics this service consumes: a dead-letter topic {@code <service>.dlt.<topic>} is created for each
 * @param retry in-place retries before a record goes to the dead-letter topic
 */
@ConfigurationProperties("platform.kafka")
public record KafkaTopicsProperties(@DefaultValue Map<String, OwnedTopic> owned, @DefaultValue List<String> consumed,
        @DefaultValue Retry retry, @DefaultValue("1") int deadLetterPartitions, @DefaultValue("1") short replicationFactor) {

    /**
     * @param partitions partition count; conversation-keyed topics default to 12
     * @param compacted log compaction for state topics (templates, tenants)
     */
    public record OwnedTopic(@DefaultValue("12") int partitions, @DefaultValue("false") boolean compacted) {
    }

    /**
     * @param attempts deliveries in total before dead-lettering (the first one included)
     */
    public record Retry(@DefaultValue("4") int attempts, @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier, @DefaultValue("5s") Duration maxInterval) {
    }
}
