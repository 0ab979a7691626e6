package com.crmfactory.messaging.support.outbox;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
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
 * <p>The rows of one transaction are inserted together just before it commits ({@code beforeCommit}, one JDBC batch
 * that the driver rewrites into one multi-row statement): a customer message appends 10–12 events across the
 * services, and a batch listener's transaction many more, so this saves a statement and a round trip per event.
 * Once the transaction commits, the writer hands off to the relay ({@code afterCommit}), so the event is published
 * within milliseconds instead of at the relay's next poll.
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
        Object[] row = {eventId, topic, key, codec.typeOf(event), event.orgId(), codec.toJson(event),
                traceParent.current().orElse(null), Timestamp.from(event.occurredAt())};
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pendingRows().add(row);
            TransactionSynchronizationManager.registerSynchronization(wakeRelayAfterCommit);
        } else {
            jdbc.update(INSERT, row);
        }
        return eventId;
    }

    /**
     * The rows this transaction appended so far. They live in a synchronization of the transaction, not in a bound
     * resource, because an inner {@code REQUIRES_NEW} transaction suspends the outer one's synchronizations and must
     * write its own rows at its own commit.
     */
    private List<Object[]> pendingRows() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingRows pending && pending.writer() == this) {
                return pending.rows();
            }
        }
        PendingRows pending = new PendingRows(this);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending.rows();
    }

    /** Identity, not value, equality: the transaction keeps its synchronizations in a set while the rows grow. */
    private static final class PendingRows implements TransactionSynchronization {

        private final OutboxWriter writer;
        private final List<Object[]> rows = new ArrayList<>();

        PendingRows(OutboxWriter writer) {
            this.writer = writer;
        }

        OutboxWriter writer() {
            return writer;
        }

        List<Object[]> rows() {
            return rows;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            writer.jdbc.batchUpdate(INSERT, rows);
        }
    }
}
