package com.crmfactory.messaging.support.outbox;

import java.sql.Timestamp;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.support.kafka.TraceParent;

/**
 * Appends an event to the outbox in the caller's database transaction, so the event is published
 * if and only if the caller's change commits. Never call {@code kafkaTemplate.send()} beside a
 * database write; append here instead.
 */
public class OutboxWriter {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, message_key, event_type, org_id, payload, traceparent, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final TraceParent traceParent;

    public OutboxWriter(JdbcTemplate jdbc, EventCodec codec, TraceParent traceParent) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.traceParent = traceParent;
    }

    /**
     * Appends an event; must run inside the caller's transaction.
     *
     * @param key the ordering key (for conversation streams the conversation key), also the CloudEvents subject
     * @return the event id ({@code ce_id}), the consumers' idempotency key
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(String topic, String key, DomainEvent event) {
        UUID eventId = UUID.randomUUID();
        jdbc.update(INSERT, eventId, topic, key, codec.typeOf(event), event.orgId(), codec.toJson(event),
                traceParent.current().orElse(null), Timestamp.from(event.occurredAt()));
        return eventId;
    }
}
