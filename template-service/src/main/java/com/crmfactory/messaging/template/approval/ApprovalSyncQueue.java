package com.crmfactory.messaging.template.approval;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out the templates whose approval is due for a check, safely with several replicas: one
 * statement stamps {@code approval_checked_at} on the rows it claims, and {@code SKIP LOCKED} keeps
 * concurrent claims disjoint. A claimed row rests for the interval even if its check then fails, so a
 * Twilio outage costs one attempt per interval, not a tight retry loop.
 */
@Component
class ApprovalSyncQueue {

    private static final String CLAIM = """
            UPDATE message_template SET approval_checked_at = now()
            WHERE id IN (SELECT id FROM message_template
                         WHERE content_sid IS NOT NULL
                           AND (approval_checked_at IS NULL OR approval_checked_at < now() - make_interval(secs => ?))
                         ORDER BY approval_checked_at NULLS FIRST
                         LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, content_sid""";

    private final JdbcTemplate jdbc;

    ApprovalSyncQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims up to {@code limit} templates not checked within {@code rest}; auto-committed on its own. */
    List<Due> claim(int limit, Duration rest) {
        return jdbc.query(CLAIM, (rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getString("content_sid")),
                rest.toMillis() / 1000.0, limit);
    }

    record Due(UUID id, String contentSid) {
    }
}
