package com.crmfactory.messaging.support.outbox;

import java.sql.Timestamp;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.support.kafka.TraceParent;

/**
 * Appends an event to the outbox in the caller's database transaction, so the event is published
 * if and only if the caller's change commits. Never call {@code kafkaTemplate.send()} beside a
 * database write; append here instead.
 *
 * <p>Once the caller's transaction commits, the writer hands off to the relay ({@code afterCommit}), so the
 * event is published within milliseconds instead of at the relay's next poll.
 */
public class OutboxWriter {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, message_key, event_type, org_id, payload, traceparent, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final TraceParent traceParent;
    /** One instance: the transaction's synchronizations are a set, so a transaction appending many events wakes the relay once. */
    private final TransactionSynchronization wakeRelayAfterCommit;

    /** A writer whose rows wait for the relay's next poll (no relay runs in this process). */
    public OutboxWriter(JdbcTemplate jdbc, EventCodec codec, TraceParent traceParent) {
        this(jdbc, codec, traceParent, () -> { });
    }

    /**
     * @param committed called on the committing thread after a transaction that appended rows committed; must
     *        return at once (the relay's {@link OutboxRelayScheduler#wakeUp()})
     */
    public OutboxWriter(JdbcTemplate jdbc, EventCodec codec, TraceParent traceParent, Runnable committed) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.traceParent = traceParent;
        this.wakeRelayAfterCommit = new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.run();
            }
        };
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
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(wakeRelayAfterCommit);
        }
        return eventId;
    }
}
