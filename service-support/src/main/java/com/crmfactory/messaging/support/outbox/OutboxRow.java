package com.crmfactory.messaging.support.outbox;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.crmfactory.messaging.support.kafka.CloudEvent;

/** One unpublished outbox row. */
record OutboxRow(long id, UUID eventId, String topic, String key, String type, String orgId, String payload,
        String traceparent, Instant occurredAt) {

    ProducerRecord<String, String> toRecord(String source) {
        return new CloudEvent(eventId.toString(), type, source, occurredAt, key, orgId, traceparent)
                .toRecord(topic, payload);
    }
}
