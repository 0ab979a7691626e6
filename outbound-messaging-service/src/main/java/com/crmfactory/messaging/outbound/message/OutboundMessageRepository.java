package com.crmfactory.messaging.outbound.message;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.outbound.message.OutboundMessage.State;

/** The send state machine's table; every transition is a conditional update, so only one worker wins it. */
@Repository
@EnableConfigurationProperties(StatusPollProperties.class)
public class OutboundMessageRepository {

    private static final String COLUMNS = "request_id, org_id, session_id, conversation_key, channel, to_address, "
            + "from_address, body, state, provider_sid, delivery_status, attempts, attempt_started_at, reconcile_checks, request_json";

    /** Delivery statuses after which Twilio is not asked again (canceled arrives as failed). */
    private static final String SETTLED = "('delivered', 'read', 'failed', 'undelivered')";
    /** Channels whose sends Twilio holds (an e-mail's status is never asked about). */
    private static final String TWILIO_CHANNELS = "('sms', 'mms', 'whatsapp')";
    private static final String ACCEPT = """
            UPDATE outbound_message SET state = 'accepted', provider_sid = ?, delivery_status = ?, accepted_at = now(),
                   status_checks = 0,
                   status_check_at = CASE WHEN channel IN %s AND ? NOT IN %s THEN now() + make_interval(secs => ?) END,
                   updated_at = now()
            WHERE request_id = ? AND state = ?""".formatted(TWILIO_CHANNELS, SETTLED);
    private static final String DELIVERY_STATUS = """
            UPDATE outbound_message SET delivery_status = ?, error_code = COALESCE(?, error_code),
                   error_message = COALESCE(?, error_message), status_checks = 0,
                   status_check_at = CASE WHEN status_check_at IS NOT NULL AND ? NOT IN %s
                                          THEN now() + make_interval(secs => ?) END,
                   updated_at = now()
            WHERE request_id = ?""".formatted(SETTLED);

    private final JdbcTemplate jdbc;
    private final StatusPollProperties statusPoll;

    public OutboundMessageRepository(JdbcTemplate jdbc, StatusPollProperties statusPoll) {
        this.jdbc = jdbc;
        this.statusPoll = statusPoll;
    }

    /** @return true when the request id is new (a repeated id changes nothing) */
    public boolean insertPending(String requestId, String orgId, String sessionId, String conversationKey, String to,
            String body, String requestJson) {
        return jdbc.update("""
                INSERT INTO outbound_message (request_id, org_id, session_id, conversation_key, to_address, body, state, request_json)
                VALUES (?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (request_id) DO NOTHING""",
                requestId, orgId, sessionId, conversationKey, to, body, requestJson) == 1;
    }

    public Optional<OutboundMessage> find(String requestId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbound_message WHERE request_id = ?", this::row, requestId)
                .stream().findFirst();
    }

    public Optional<OutboundMessage> findBySid(String sid) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbound_message WHERE provider_sid = ?", this::row, sid)
                .stream().findFirst();
    }

    public Optional<OutboundMessage> lockBySid(String sid) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbound_message WHERE provider_sid = ? FOR UPDATE", this::row, sid)
                .stream().findFirst();
    }

    public Optional<OutboundMessage> lock(String requestId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbound_message WHERE request_id = ? FOR UPDATE", this::row, requestId)
                .stream().findFirst();
    }

    /** pending → sending; false if another worker (or an earlier delivery) has it. */
    public boolean claim(String requestId) {
        return jdbc.update("""
                UPDATE outbound_message SET state = 'sending', attempt_started_at = now(), updated_at = now()
                WHERE request_id = ? AND state = 'pending'""", requestId) == 1;
    }

    /**
     * pending → sending for a Twilio send, recording in the same statement what will be POSTed (kept for its
     * reconciliation, see {@link SendFingerprint}) and counting the first attempt; false if another worker has it.
     */
    public boolean claimTwilio(String requestId, Channel channel, String from, String sentBody, String contentSid,
            String expectedBodiesJson) {
        return jdbc.update("""
                UPDATE outbound_message SET state = 'sending', channel = ?, from_address = ?, sent_body = ?, content_sid = ?,
                       expected_bodies = ?, attempts = attempts + 1, attempt_started_at = now(), updated_at = now()
                WHERE request_id = ? AND state = 'pending'""",
                channel.wire(), from, sentBody, contentSid, expectedBodiesJson, requestId) == 1;
    }

    public void resolved(String requestId, Channel channel, String from) {
        jdbc.update("UPDATE outbound_message SET channel = ?, from_address = ?, updated_at = now() WHERE request_id = ?",
                channel.wire(), from, requestId);
    }

    /** What was POSTed for a request, and how many indistinguishable candidates its checks have seen so far. */
    public record SendFingerprint(String sentBody, String contentSid, String expectedBodiesJson, int candidatesSeen) {
    }

    public Optional<SendFingerprint> fingerprint(String requestId) {
        return jdbc.query("""
                SELECT sent_body, content_sid, expected_bodies, candidates_seen FROM outbound_message WHERE request_id = ?""",
                (rs, n) -> new SendFingerprint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)), requestId)
                .stream().findFirst();
    }

    /** Remembers the largest number of candidates one check could not tell apart. */
    public void candidatesSeen(String requestId, int count) {
        jdbc.update("UPDATE outbound_message SET candidates_seen = GREATEST(candidates_seen, ?) WHERE request_id = ?",
                count, requestId);
    }

    /** Marks the start of one POST (the reconciliation looks for messages created since). */
    public void attemptStarting(String requestId) {
        jdbc.update("""
                UPDATE outbound_message SET attempts = attempts + 1, attempt_started_at = now(), updated_at = now()
                WHERE request_id = ? AND state = 'sending'""", requestId);
    }

    /** Also schedules the first delivery status check of an unsettled Twilio send (after the quiet period). */
    public boolean accept(String requestId, String sid, String status, State from) {
        return jdbc.update(ACCEPT,
                sid, status, status, statusPoll.afterSeconds(), requestId, from.db()) == 1;
    }

    public boolean fail(String requestId, Failure failure, State from) {
        return jdbc.update("""
                UPDATE outbound_message SET state = 'failed', error_code = ?, error_message = ?, updated_at = now()
                WHERE request_id = ? AND state = ?""", failure.code(), failure.reason(), requestId, from.db()) == 1;
    }

    public boolean markUnknown(String requestId, String reason, Duration checkAfter) {
        return jdbc.update("""
                UPDATE outbound_message SET state = 'unknown', error_message = ?, reconcile_checks = 0, candidates_seen = 0,
                       next_check_at = now() + make_interval(secs => ?), updated_at = now()
                WHERE request_id = ? AND state = 'sending'""", reason, checkAfter.toMillis() / 1000.0, requestId) == 1;
    }

    /** unknown → pending after Twilio proved it never got the message. */
    public boolean backToPending(String requestId) {
        return jdbc.update("""
                UPDATE outbound_message SET state = 'pending', next_check_at = NULL, updated_at = now()
                WHERE request_id = ? AND state = 'unknown'""", requestId) == 1;
    }

    /**
     * A status change restarts the quiet period before the next check (and its back-off); a settled status ends the
     * checks. A send whose checks had ended (max age, unknown to Twilio) is not polled again.
     */
    public void deliveryStatus(String requestId, String status, String errorCode, String errorMessage) {
        jdbc.update(DELIVERY_STATUS,
                status, errorCode, errorMessage, status, statusPoll.afterSeconds(), requestId);
    }

    /** Claims ambiguous sends due for a check (skipping rows another replica holds) and pushes their next check. */
    public List<OutboundMessage> claimDueChecks(int limit, Duration nextCheckIn) {
        return jdbc.query("""
                UPDATE outbound_message SET reconcile_checks = reconcile_checks + 1,
                       next_check_at = now() + make_interval(secs => ?)
                WHERE request_id IN (SELECT request_id FROM outbound_message
                                     WHERE state = 'unknown' AND next_check_at <= now()
                                     ORDER BY next_check_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLUMNS, this::row, nextCheckIn.toMillis() / 1000.0, limit);
    }

    /** Sends stuck in {@code sending} (the process died mid-call) become ambiguous. */
    public int staleSendingToUnknown(Duration staleAfter) {
        return jdbc.update("""
                UPDATE outbound_message SET state = 'unknown', reconcile_checks = 0, candidates_seen = 0, next_check_at = now(),
                       error_message = 'send interrupted', updated_at = now()
                WHERE state = 'sending' AND updated_at < now() - make_interval(secs => ?)""",
                staleAfter.toMillis() / 1000.0);
    }

    /** The reconciler's sweep: served by the partial index outbound_message_pending, whatever the table's size. */
    static final String PENDING_OLDER_THAN = """
            SELECT request_id FROM outbound_message WHERE state = 'pending'
            AND updated_at < now() - make_interval(secs => ?) ORDER BY created_at LIMIT ?""";

    public List<String> pendingOlderThan(Duration age, int limit) {
        return jdbc.queryForList(PENDING_OLDER_THAN, String.class, age.toMillis() / 1000.0, limit);
    }

    private OutboundMessage row(ResultSet rs, int n) throws SQLException {
        Timestamp started = rs.getTimestamp("attempt_started_at");
        String channel = rs.getString("channel");
        return new OutboundMessage(rs.getString("request_id"), rs.getString("org_id"), rs.getString("session_id"),
                rs.getString("conversation_key"), channel == null ? null : Channel.fromWire(channel), rs.getString("to_address"),
                rs.getString("from_address"), rs.getString("body"),
                State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getString("provider_sid"),
                rs.getString("delivery_status"), rs.getInt("attempts"), started == null ? null : started.toInstant(),
                rs.getInt("reconcile_checks"), rs.getString("request_json"));
    }
}
