package com.crmfactory.messaging.support.consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Idempotent-consumer guard. A consumer calls {@link #firstDelivery} inside the transaction that
 * applies the event's effect: the {@code (consumer, ce_id)} row commits or rolls back with the effect,
 * so a redelivered event is recognised and skipped exactly when its effect is already stored.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;

    public ProcessedEvents(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /**
     * Records that {@code consumer} is handling event {@code eventId}.
     *
     * @return true the first time; false for a duplicate, which the caller must skip (it is counted)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = jdbc.update("INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                consumer, eventId);
        if (inserted == 0) {
            meters.counter("platform.consumer.duplicates", "consumer", consumer).increment();
            return false;
        }
        return true;
    }
}
