package com.crmfactory.messaging.support.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes outbox rows to Kafka in id order and deletes them once the broker acknowledged.
 *
 * <p>Each batch runs in one transaction holding a PostgreSQL advisory lock named after the service,
 * so of several replicas only one publishes at a time and per-key order is kept. A crash after
 * sending but before the commit leaves the rows in place: they are sent again (at least once), and
 * the consumers' idempotency guard absorbs the duplicates.
 */
public class OutboxRelay {

    private static final String SELECT_BATCH = """
            SELECT id, event_id, topic, message_key, event_type, org_id, payload, traceparent, occurred_at
            FROM outbox_event ORDER BY id LIMIT ?""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final OutboxSender sender;
    private final OutboxProperties properties;
    private final String source;
    private final Counter published;
    private final MeterRegistry meters;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, OutboxSender sender,
            OutboxProperties properties, String source, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sender = sender;
        this.properties = properties;
        this.source = source;
        this.published = Counter.builder("platform.outbox.published").description("outbox rows published to Kafka")
                .register(meters);
        this.meters = meters;
    }

    /**
     * Publishes one batch.
     *
     * @return the number of rows published, 0 when the outbox is empty or another relay holds the lock
     */
    public int relayBatch() {
        return Math.max(0, batch());
    }

    /** Publishes until the outbox is empty (or the lock is held elsewhere). */
    public void relayAll() {
        drain();
    }

    /**
     * Publishes until a batch comes back short of {@code batch-size}: rows committed after that batch's read
     * woke the relay again (or wait for its poll).
     *
     * @return false when another relay (replica) held the lock, so rows may be left for it or for a retry
     */
    public boolean drain() {
        int count;
        do {
            count = batch();
        } while (count >= properties.batchSize());
        return count >= 0;
    }

    /** @return rows published, or -1 when another relay holds the lock */
    private int batch() {
        Integer count = transactions.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext(?))",
                    Boolean.class, "outbox-relay:" + source))) {
                return -1;
            }
            List<OutboxRow> rows = jdbc.query(SELECT_BATCH, OutboxRelay::row, properties.batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            awaitAll(rows.stream().<CompletableFuture<?>>map(row -> sender.send(row.toRecord(source))).toList());
            // one statement for the batch (not one per row): ids only, a range could take rows committed meanwhile
            Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
            jdbc.update(connection -> {
                PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)");
                delete.setArray(1, connection.createArrayOf("bigint", ids));
                return delete;
            });
            // per event type too (platform_outbox_events_total{topic,type}): dashboards and alerts read
            // ratios such as the AI agent's escalations among its actions from it
            rows.forEach(row -> Counter.builder("platform.outbox.events").description("outbox rows published, by event type")
                    .tag("topic", row.topic()).tag("type", row.type()).register(meters).increment());
            return rows.size();
        });
        if (count != null && count > 0) {
            published.increment(count);
        }
        return count == null ? 0 : count;
    }

    private void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxRelayException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            // roll back: every row of the batch stays and is sent again
            throw new OutboxRelayException("broker did not acknowledge the batch", e);
        }
    }

    private static OutboxRow row(ResultSet rs, int rowNum) throws SQLException {
        return new OutboxRow(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("topic"),
                rs.getString("message_key"), rs.getString("event_type"), rs.getString("org_id"),
                rs.getString("payload"), rs.getString("traceparent"), rs.getTimestamp("occurred_at").toInstant());
    }

    /** A batch that was not (entirely) acknowledged; its rows stay in the outbox. */
    public static class OutboxRelayException extends RuntimeException {
        OutboxRelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
