package com.crmfactory.messaging.outbound.ratelimit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The send slots of every sender, in PostgreSQL so that all replicas of the service share one pace per
 * sender: a reservation moves the sender's next free slot one interval on and answers how long the caller
 * waits for the slot it got. The database's clock decides both, so replicas' clocks never disagree.
 */
@Component
public class SenderSlots {

    private static final String RESERVE = """
            INSERT INTO sender_slot (sender, next_free) VALUES (?, clock_timestamp() + make_interval(secs => ?))
            ON CONFLICT (sender) DO UPDATE
                SET next_free = GREATEST(sender_slot.next_free, clock_timestamp()) + make_interval(secs => ?)
            RETURNING (EXTRACT(EPOCH FROM next_free - clock_timestamp()) - ?) * 1e9
            """;

    private final JdbcTemplate jdbc;

    public SenderSlots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Reserves the sender's next slot; answers the nanoseconds until it (zero or less: now). */
    long reserve(String sender, double intervalSeconds) {
        Double waitNanos = jdbc.queryForObject(RESERVE, Double.class, sender, intervalSeconds, intervalSeconds,
                intervalSeconds);
        return waitNanos == null ? 0 : waitNanos.longValue();
    }
}
