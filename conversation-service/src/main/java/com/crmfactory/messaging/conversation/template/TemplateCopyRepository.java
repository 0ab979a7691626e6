package com.crmfactory.messaging.conversation.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.crmfactory.messaging.events.common.ApprovalStatus;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.events.common.TemplateType;
import com.crmfactory.messaging.events.template.TemplateUpserted;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code template_copy} table. Every write keeps the newest state: a row changes only for an event at least as
 * new as the one it holds ({@code version_at}), so redeliveries and late, older events change nothing.
 */
@Repository
class TemplateCopyRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            template_id, org_id, template_key, channel, language, template_type, body, variables, content_sid,
            approval_status, button_label, options, media_urls""";

    private final JdbcTemplate jdbc;

    TemplateCopyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(TemplateUpserted t) {
        jdbc.update("""
                INSERT INTO template_copy (%s, deleted, version_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)
                ON CONFLICT (template_id) DO UPDATE SET org_id = EXCLUDED.org_id, template_key = EXCLUDED.template_key,
                    channel = EXCLUDED.channel, language = EXCLUDED.language, template_type = EXCLUDED.template_type,
                    body = EXCLUDED.body, variables = EXCLUDED.variables, content_sid = EXCLUDED.content_sid,
                    approval_status = EXCLUDED.approval_status, button_label = EXCLUDED.button_label,
                    options = EXCLUDED.options, media_urls = EXCLUDED.media_urls, deleted = FALSE,
                    version_at = EXCLUDED.version_at
                WHERE template_copy.version_at <= EXCLUDED.version_at""".formatted(COLUMNS),
                t.templateId(), t.orgId(), t.key(), t.channel() == null ? null : t.channel().wire(), t.language(),
                t.type().name(), t.body(), JSON.writeValueAsString(t.variables()), t.contentSid(),
                t.approvalStatus().name(), t.buttonLabel(), JSON.writeValueAsString(t.options()),
                JSON.writeValueAsString(t.mediaUrls()), Timestamp.from(t.occurredAt()));
    }

    void delete(String orgId, String templateId, Instant at) {
        jdbc.update("""
                INSERT INTO template_copy (template_id, org_id, deleted, version_at) VALUES (?, ?, TRUE, ?)
                ON CONFLICT (template_id) DO UPDATE SET deleted = TRUE, version_at = EXCLUDED.version_at
                WHERE template_copy.version_at <= EXCLUDED.version_at AND template_copy.org_id = EXCLUDED.org_id""",
                templateId, orgId, Timestamp.from(at));
    }

    /** The org's live templates with this key. */
    List<CatalogTemplate> byKey(String orgId, String key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM template_copy WHERE org_id = ? AND template_key = ? AND NOT deleted",
                TemplateCopyRepository::row, orgId, key);
    }

    Optional<CatalogTemplate> byContentSid(String orgId, String contentSid) {
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM template_copy WHERE org_id = ? AND content_sid = ? AND NOT deleted
                ORDER BY template_key, language LIMIT 1""", TemplateCopyRepository::row, orgId, contentSid)
                .stream().findFirst();
    }

    /** The org's approved templates with a Content SID, by key. */
    List<CatalogTemplate> approved(String orgId) {
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM template_copy WHERE org_id = ? AND NOT deleted AND approval_status = ? AND content_sid IS NOT NULL
                ORDER BY template_key, language""", TemplateCopyRepository::row, orgId, ApprovalStatus.APPROVED.name());
    }

    private static CatalogTemplate row(ResultSet rs, int n) throws SQLException {
        String channel = rs.getString("channel");
        return new CatalogTemplate(rs.getString("template_id"), rs.getString("org_id"), rs.getString("template_key"),
                channel == null ? null : Channel.fromWire(channel), rs.getString("language"),
                TemplateType.valueOf(rs.getString("template_type")), rs.getString("body"),
                JSON.readValue(rs.getString("variables"), new TypeReference<List<String>>() { }),
                rs.getString("content_sid"), ApprovalStatus.valueOf(rs.getString("approval_status")),
                rs.getString("button_label"),
                JSON.readValue(rs.getString("options"), new TypeReference<List<InteractiveOption>>() { }),
                JSON.readValue(rs.getString("media_urls"), new TypeReference<List<String>>() { }));
    }
}
