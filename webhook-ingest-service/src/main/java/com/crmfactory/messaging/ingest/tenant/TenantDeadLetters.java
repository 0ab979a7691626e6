package com.crmfactory.messaging.ingest.tenant;

import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;

/**
 * Dead-letters unreadable tenant records to {@code <service>.dlt.platform.tenants.v1}, the topic
 * service-support creates for every consumed topic, with the same {@code kafka_dlt-*} headers its
 * listeners' error handler writes.
 */
@Component
class TenantDeadLetters {

    private final DeadLetterPublishingRecoverer recoverer;

    TenantDeadLetters(KafkaTemplate<String, String> template, @Value("${spring.application.name}") String service) {
        this.recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(service, record.topic()), -1));
    }

    ConsumerRecordRecoverer recoverer() {
        return recoverer;
    }
}
