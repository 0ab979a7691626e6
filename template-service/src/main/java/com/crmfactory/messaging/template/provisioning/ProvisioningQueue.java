package com.crmfactory.messaging.template.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code content_provisioning} rows: which templates still need their Twilio Content resource or its
 * WhatsApp approval request. A claim is one auto-committed statement: it leases due rows (a fresh
 * {@code claim_token}, {@code next_attempt_at} pushed by the lease, one more attempt) and
 * {@code FOR UPDATE SKIP LOCKED} keeps concurrent claims of replicas disjoint. A worker's results count only
 * while the row still carries its token, so a worker whose lease ran out cannot overwrite its successor.
 */
@Component
public class ProvisioningQueue {

    enum State { CREATE, SUBMIT, DONE, FAILED, SUPERSEDED }

    /** A leased row. {@code attempts} counts this one. */
    record Claim(UUID templateId, String orgId, State state, String friendlyName, int attempts, UUID token) {
    }

    private static final String CLAIM = """
            UPDATE content_provisioning SET attempts = attempts + 1, claim_token = gen_random_uuid(),
                   next_attempt_at = now() + make_interval(secs => ?), updated_at = now()
            WHERE template_id IN (SELECT template_id FROM content_provisioning
                                  WHERE state IN ('CREATE', 'SUBMIT') AND next_attempt_at <= now() %s
                                  ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING template_id, org_id, state, friendly_name, attempts, claim_token""";

    private final JdbcTemplate jdbc;

    ProvisioningQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction: the template is to be provisioned (once: an existing row is left alone). */
    public void enqueue(UUID templateId, String orgId, String key) {
        jdbc.update("""
                INSERT INTO content_provisioning (template_id, org_id, state, friendly_name, next_attempt_at)
                VALUES (?, ?, 'CREATE', ?, now()) ON CONFLICT (template_id) DO NOTHING""",
                templateId, orgId, ContentDefinition.friendlyName(key, templateId, 1));
    }

    /**
     * Makes the template due now for {@code POST …/provision}. An unfinished row keeps its name and attempts (a
     * Content resource an earlier attempt created is found and adopted); a finished one (DONE, SUPERSEDED:
     * its SID was since removed) starts a new generation under a new name, since the old Content says what
     * the template said then. A row a worker holds right now is left to it.
     *
     * @return false when another worker holds the row
     */
    boolean requeue(UUID templateId, String orgId, String key) {
        return jdbc.update("""
                INSERT INTO content_provisioning (template_id, org_id, state, friendly_name, next_attempt_at)
                VALUES (?, ?, 'CREATE', ?, now())
                ON CONFLICT (template_id) DO UPDATE SET
                    state = 'CREATE', next_attempt_at = now(), last_error = NULL, claim_token = NULL, updated_at = now(),
                    generation = CASE WHEN content_provisioning.state IN ('DONE', 'SUPERSEDED')
                                      THEN content_provisioning.generation + 1 ELSE content_provisioning.generation END,
                    attempts = CASE WHEN content_provisioning.state IN ('DONE', 'SUPERSEDED') THEN 0
                                    ELSE content_provisioning.attempts END,
                    friendly_name = CASE WHEN content_provisioning.state IN ('DONE', 'SUPERSEDED')
                                         THEN ? || '_v' || (content_provisioning.generation + 1)
                                         ELSE content_provisioning.friendly_name END
                WHERE content_provisioning.claim_token IS NULL OR content_provisioning.next_attempt_at <= now()""",
                templateId, orgId, ContentDefinition.friendlyName(key, templateId, 1),
                ContentDefinition.friendlyName(key, templateId, 1)) > 0;
    }

    /** Leases up to {@code limit} due rows for {@code lease}. */
    List<Claim> claim(int limit, Duration lease) {
        return jdbc.query(CLAIM.formatted(""), this::claimOf, lease.toMillis() / 1000.0, limit);
    }

    /** Leases this template's row if it is due and nobody holds it. */
    Optional<Claim> claim(UUID templateId, Duration lease) {
        return jdbc.query(CLAIM.formatted("AND template_id = ?"), this::claimOf, lease.toMillis() / 1000.0, templateId, 1)
                .stream().findFirst();
    }

    /** In the caller's transaction: moves a held row on and releases it; false when the token is no longer the row's. */
    boolean advance(Claim claim, State next) {
        return jdbc.update("""
                UPDATE content_provisioning SET state = ?, claim_token = NULL, last_error = NULL, updated_at = now()
                WHERE template_id = ? AND claim_token = ?""", next.name(), claim.templateId(), claim.token()) > 0;
    }

    /** The held row goes on in state SUBMIT within the same lease (its Content SID is stored). */
    boolean toSubmit(Claim claim) {
        return jdbc.update("UPDATE content_provisioning SET state = 'SUBMIT', last_error = NULL, updated_at = now() "
                + "WHERE template_id = ? AND claim_token = ?", claim.templateId(), claim.token()) > 0;
    }

    /** Releases the held row to be tried again after {@code backoff}. */
    void retryLater(Claim claim, String error, Duration backoff) {
        jdbc.update("""
                UPDATE content_provisioning SET claim_token = NULL, last_error = ?, updated_at = now(),
                       next_attempt_at = now() + make_interval(secs => ?)
                WHERE template_id = ? AND claim_token = ?""", error, backoff.toMillis() / 1000.0, claim.templateId(),
                claim.token());
    }

    /** Twilio refused the request for good: only an explicit {@code POST …/provision} tries again. */
    void failed(Claim claim, String error) {
        jdbc.update("""
                UPDATE content_provisioning SET state = 'FAILED', claim_token = NULL, last_error = ?, updated_at = now()
                WHERE template_id = ? AND claim_token = ?""", error, claim.templateId(), claim.token());
    }

    private Claim claimOf(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Claim(rs.getObject("template_id", UUID.class), rs.getString("org_id"), State.valueOf(rs.getString("state")),
                rs.getString("friendly_name"), rs.getInt("attempts"), rs.getObject("claim_token", UUID.class));
    }
}
