package com.crmfactory.messaging.agent.template;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.crmfactory.messaging.events.common.ApprovalStatus;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.TemplateRef;
import com.crmfactory.messaging.events.template.TemplateDeleted;
import com.crmfactory.messaging.events.template.TemplateUpserted;

/**
 * The agent's copy of every org's templates from {@code templates.catalog.v1} (a compacted topic whose
 * value is the template's full state: the copy is replaced, never merged; an older state never
 * overwrites a newer one). Used to name the org's own template when the agent proposes one.
 */
@Repository
public class TemplateCatalog {

    /** One live template of an org. */
    public record OrgTemplate(String templateId, String key, String language, String channel, String type,
            String contentSid, String approvalStatus, List<String> variables) {
    }

    private final JdbcTemplate jdbc;

    TemplateCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(TemplateUpserted t) {
        jdbc.update("""
                INSERT INTO agent_template (template_id, org_id, key, language, body, button_label, deleted, channel, type,
                    content_sid, approval_status, variables, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (template_id) DO UPDATE SET org_id = EXCLUDED.org_id, key = EXCLUDED.key,
                    language = EXCLUDED.language, body = EXCLUDED.body, button_label = EXCLUDED.button_label, deleted = FALSE,
                    channel = EXCLUDED.channel, type = EXCLUDED.type, content_sid = EXCLUDED.content_sid,
                    approval_status = EXCLUDED.approval_status, variables = EXCLUDED.variables, occurred_at = EXCLUDED.occurred_at
                WHERE agent_template.occurred_at IS NULL OR agent_template.occurred_at <= EXCLUDED.occurred_at
                """, t.templateId(), t.orgId(), t.key(), t.language(), t.body(), t.buttonLabel(),
                t.channel() == null ? null : t.channel().name(), t.type().name(), blankToNull(t.contentSid()),
                t.approvalStatus().name(), String.join(",", t.variables()), Timestamp.from(t.occurredAt()));
    }

    void delete(TemplateDeleted t) {
        jdbc.update("""
                INSERT INTO agent_template (template_id, org_id, key, language, body, deleted, occurred_at)
                VALUES (?, ?, COALESCE(?, ''), '', '', TRUE, ?)
                ON CONFLICT (template_id) DO UPDATE SET deleted = TRUE, occurred_at = EXCLUDED.occurred_at
                WHERE agent_template.occurred_at IS NULL OR agent_template.occurred_at <= EXCLUDED.occurred_at
                """, t.templateId(), t.orgId(), t.key(), Timestamp.from(t.occurredAt()));
    }

    /** The org's live template with this key for the channel: the language asked for first, a channel-specific one first. */
    public Optional<OrgTemplate> find(String orgId, String key, String language, Channel channel) {
        return jdbc.query("""
                SELECT * FROM agent_template WHERE org_id = ? AND key = ? AND NOT deleted AND (channel IS NULL OR channel = ?)
                ORDER BY (language = ?) DESC, (channel IS NOT NULL) DESC, template_id LIMIT 1
                """, (rs, i) -> new OrgTemplate(rs.getString("template_id"), rs.getString("key"), rs.getString("language"),
                rs.getString("channel"), rs.getString("type"), rs.getString("content_sid"), rs.getString("approval_status"),
                rs.getString("variables") == null || rs.getString("variables").isEmpty() ? List.of()
                        : List.of(rs.getString("variables").split(","))),
                orgId, key, channel == null ? null : channel.name(), language == null ? "en" : language).stream().findFirst();
    }

    /**
     * The agent's template proposal made exact for the org, or empty when it must not be proposed (the caller
     * then sends its fallback). The org's template: its key with the org's Content SID and language, provided it
     * declares every variable the proposal fills (a {@code part_selection_list} with three item slots cannot
     * carry five parts) and, on WhatsApp, is not rejected, paused or disabled. A key the copy does not know: unchanged (resolved by key downstream), or empty with
     * {@code mustBeKnown}.
     */
    public Optional<TemplateRef> resolve(String orgId, Channel channel, TemplateRef ref, boolean mustBeKnown) {
        if (ref.key() == null) {
            return Optional.of(ref);
        }
        Optional<OrgTemplate> known = find(orgId, ref.key(), ref.language(), channel);
        if (known.isEmpty()) {
            return mustBeKnown ? Optional.empty() : Optional.of(ref);
        }
        OrgTemplate t = known.get();
        if (!t.variables().containsAll(ref.variables().keySet()) || (channel == Channel.WHATSAPP && !sendable(t))) {
            return Optional.empty();
        }
        return Optional.of(new TemplateRef(ref.key(), t.contentSid() != null ? t.contentSid() : ref.contentSid(), t.language(),
                ref.variables()));
    }

    /** WhatsApp refuses a template Meta rejected, paused or disabled; draft and pending ones still go in-session. */
    static boolean sendable(OrgTemplate t) {
        return t.approvalStatus() == null || !BLOCKED.contains(t.approvalStatus().toUpperCase(java.util.Locale.ROOT));
    }

    private static final java.util.Set<String> BLOCKED = java.util.Set.of(ApprovalStatus.REJECTED.name(),
            ApprovalStatus.PAUSED.name(), ApprovalStatus.DISABLED.name());

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
