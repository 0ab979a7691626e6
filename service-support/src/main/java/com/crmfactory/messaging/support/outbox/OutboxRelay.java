package com.crmfactory.messaging.support.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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
 * Publishes outbox rows to Kafka in id order; their deletion commits once the broker acknowledged.
 *
 * <p>Each batch runs in one transaction holding a PostgreSQL advisory lock named after the service,
 * so of several replicas only one publishes at a time and per-key order is kept. A crash after
 * sending but before the commit leaves the rows in place: they are sent again (at least once), and
 * the consumers' idempotency guard absorbs the duplicates.
 */
public class OutboxRelay {

    /**
     * Takes the relay lock and the next batch in one round trip: the rows are deleted at once and come back, sent,
     * then committed; if a send fails the transaction rolls back and they are all there again. The one row with
     * {@code held = false} (or {@code true} and no id) says the lock was elsewhere (or the outbox empty).
     */
    private static final String TAKE_BATCH = """
            WITH relay_lock AS MATERIALIZED (SELECT pg_try_advisory_xact_lock(hashtext(?)) AS held),
            batch AS (
                DELETE FROM outbox_event WHERE id IN (
                    SELECT id FROM outbox_event WHERE (SELECT held FROM relay_lock) ORDER BY id LIMIT ?)
                RETURNING id, event_id, topic, message_key, event_type, org_id, payload, traceparent, occurred_at)
            SELECT relay_lock.held, batch.* FROM relay_lock LEFT JOIN batch ON true""";

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
            List<Taken> taken = jdbc.query(TAKE_BATCH, OutboxRelay::taken, "outbox-relay:" + source, properties.batchSize());
            if (!taken.get(0).held()) {
                return -1;
            }
            List<OutboxRow> rows = taken.stream().map(Taken::row).filter(Objects::nonNull)
                    .sorted(Comparator.comparingLong(OutboxRow::id)).toList();
            awaitAll(rows.stream().<CompletableFuture<?>>map(row -> sender.send(row.toRecord(source))).toList());
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

    /** One row of {@link #TAKE_BATCH}: whether the lock was taken, and an outbox row (none when the batch is empty). */
    private record Taken(boolean held, OutboxRow row) {
    }

    private static Taken taken(ResultSet rs, int rowNum) throws SQLException {
        boolean held = rs.getBoolean("held");
        long id = rs.getLong("id");
        if (rs.wasNull()) {
            return new Taken(held, null);
        }
        return new Taken(held, new OutboxRow(id, rs.getObject("event_id", UUID.class), rs.getString("topic"),
                rs.getString("message_key"), rs.getString("event_type"), rs.getString("org_id"),
                rs.getString("payload"), rs.getString("traceparent"), rs.getTimestamp("occurred_at").toInstant()));
    }

    /** A batch that was not (entirely) acknowledged; its rows stay in the outbox. */
    public static class OutboxRelayException extends RuntimeException {
        OutboxRelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
