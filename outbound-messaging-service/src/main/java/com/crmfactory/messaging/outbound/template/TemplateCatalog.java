package com.crmfactory.messaging.outbound.template;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.common.ApprovalStatus;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.template.TemplateDeleted;
import com.crmfactory.messaging.events.template.TemplateUpserted;

/** Our copy of {@code templates.catalog.v1}: template keys resolve to a Content SID or a body. */
@Component
public class TemplateCatalog {

    /** A template as outbound needs it. */
    public record Template(String key, String body, String contentSid, boolean approved) {
    }

    private final JdbcTemplate jdbc;

    public TemplateCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(TemplateUpserted t) {
        jdbc.update("""
                INSERT INTO template_copy (template_id, org_id, template_key, channel, language, template_type, body,
                                           content_sid, approval_status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (template_id) DO UPDATE SET template_key = EXCLUDED.template_key, channel = EXCLUDED.channel,
                    language = EXCLUDED.language, template_type = EXCLUDED.template_type, body = EXCLUDED.body,
                    content_sid = EXCLUDED.content_sid, approval_status = EXCLUDED.approval_status, updated_at = now()""",
                t.templateId(), t.orgId(), t.key(), t.channel() == null ? null : t.channel().wire(), t.language(),
                t.type().name(), t.body(), t.contentSid(), t.approvalStatus().wire());
    }

    public void delete(TemplateDeleted t) {
        jdbc.update("DELETE FROM template_copy WHERE template_id = ? AND org_id = ?", t.templateId(), t.orgId());
    }

    /** The org's template by key for a channel: channel-specific before any-channel, requested language before others. */
    public Optional<Template> find(String orgId, String key, Channel channel, String language) {
        return jdbc.query("""
                SELECT template_key, body, content_sid, approval_status FROM template_copy
                WHERE org_id = ? AND template_key = ? AND (channel IS NULL OR channel = ?)
                ORDER BY (channel IS NOT NULL) DESC, (language = ?) DESC, language LIMIT 1""",
                (rs, n) -> new Template(rs.getString(1), rs.getString(2), rs.getString(3),
                        ApprovalStatus.APPROVED.wire().equals(rs.getString(4))),
                orgId, key, channel.conversationChannel().wire(), language == null ? "en" : language).stream().findFirst();
    }
}
