package com.crmfactory.messaging.support.consumer;

import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forgets processed event ids older than the retention: far beyond any redelivery window
 * (Kafka retention, outbox retries), so the guard table does not grow forever.
 */
public class ProcessedEventsCleanup {

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Clock clock;

    public ProcessedEventsCleanup(JdbcTemplate jdbc, Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${platform.consumer.cleanup-interval:1h}", initialDelayString = "5m")
    public int deleteExpired() {
        return jdbc.update("DELETE FROM processed_event WHERE processed_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }
}
