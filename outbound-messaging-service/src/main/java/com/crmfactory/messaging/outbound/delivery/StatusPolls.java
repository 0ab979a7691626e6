package com.crmfactory.messaging.outbound.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.crmfactory.messaging.events.common.Channel;

/**
 * The delivery status checks of accepted Twilio sends ({@code outbound_message.status_check_at}, set at acceptance
 * and on every status change, NULL once settled). Due rows are claimed with {@code FOR UPDATE SKIP LOCKED} and their
 * next check pushed in the same statement, so replicas sharing the database never ask about one message twice for
 * one due time. Every query goes through the partial index of the unsettled rows.
 */
@Repository
class StatusPolls {

    /** An accepted send due for a check. */
    record DueCheck(String requestId, String orgId, String providerSid, Channel channel) {
    }

    private final JdbcTemplate jdbc;

    StatusPolls(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Ends the checks of due sends accepted more than {@code maxAge} ago (they stay as they are). */
    List<String> endExpired(Duration maxAge, int limit) {
        return jdbc.queryForList("""
                UPDATE outbound_message SET status_check_at = NULL
                WHERE request_id IN (SELECT request_id FROM outbound_message
                                     WHERE status_check_at <= now() AND accepted_at < now() - make_interval(secs => ?)
                                     LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING request_id""", String.class, seconds(maxAge), limit);
    }

    /**
     * Claims up to {@code limit} due checks, counts each and schedules its next one {@code after × 2^checks} later
     * (at most {@code maxDelay}): a message whose status does not change is asked about less and less often.
     */
    List<DueCheck> claimDue(int limit, Duration after, Duration maxDelay) {
        return jdbc.query("""
                UPDATE outbound_message SET status_checks = status_checks + 1,
                       status_check_at = now() + make_interval(secs => LEAST(? * power(2, status_checks + 1), ?))
                WHERE request_id IN (SELECT request_id FROM outbound_message
                                     WHERE status_check_at <= now() AND state = 'accepted' AND provider_sid IS NOT NULL
                                     ORDER BY status_check_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING request_id, org_id, provider_sid, channel""",
                (rs, n) -> new DueCheck(rs.getString(1), rs.getString(2), rs.getString(3), Channel.fromWire(rs.getString(4))),
                seconds(after), seconds(maxDelay), limit);
    }

    /** Twilio could not be asked: the check is not counted and comes again after the quiet period. */
    void postpone(String requestId, Duration after) {
        jdbc.update("""
                UPDATE outbound_message SET status_checks = GREATEST(status_checks - 1, 0),
                       status_check_at = now() + make_interval(secs => ?)
                WHERE request_id = ? AND status_check_at IS NOT NULL""", seconds(after), requestId);
    }

    /** No more checks for this send. */
    void end(String requestId) {
        jdbc.update("UPDATE outbound_message SET status_check_at = NULL WHERE request_id = ?", requestId);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
