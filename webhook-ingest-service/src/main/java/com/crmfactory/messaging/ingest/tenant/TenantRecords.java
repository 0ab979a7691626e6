package com.crmfactory.messaging.ingest.tenant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.support.kafka.IncomingEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What one {@code platform.tenants.v1} record does to the {@link TenantDirectory}: a {@code TenantUpserted}
 * replaces the org, a tombstone removes it, other or unknown event types are ignored (compatibility
 * rules). A record that cannot be decoded goes to {@code <service>.dlt.platform.tenants.v1} with the same
 * {@code kafka_dlt-*} headers service-support's listeners write, and is skipped: one bad org must not keep
 * every other org's webhooks out.
 */
@Component
class TenantRecords {

    private static final Logger log = LoggerFactory.getLogger(TenantRecords.class);

    private final EventCodec codec;
    private final TenantDirectory directory;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final Counter deadLettered;

    TenantRecords(EventCodec codec, TenantDirectory directory, KafkaTemplate<String, String> template,
            @Value("${spring.application.name}") String service, MeterRegistry registry) {
        this.codec = codec;
        this.directory = directory;
        this.deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(service, record.topic()), -1));
        this.deadLettered = Counter.builder("ingest.tenant.directory.dead.lettered")
                .description("platform.tenants.v1 records that could not be read").register(registry);
    }

    void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                directory.remove(record.key());
            }
            return;
        }
        try {
            codec.decode(record).map(IncomingEvent::payload)
                    .filter(TenantUpserted.class::isInstance).map(TenantUpserted.class::cast)
                    .ifPresent(directory::apply);
        } catch (RuntimeException e) {
            log.error("Unreadable record {}-{}@{} (key {}); dead-lettering it and reading on", record.topic(),
                    record.partition(), record.offset(), record.key(), e);
            deadLettered.increment();
            try {
                deadLetters.accept(record, e);
            } catch (RuntimeException failed) {
                log.error("Could not dead-letter {}-{}@{}", record.topic(), record.partition(), record.offset(), failed);
            }
        }
    }
}
