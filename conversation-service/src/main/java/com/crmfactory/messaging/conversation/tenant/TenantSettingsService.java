package com.crmfactory.messaging.conversation.tenant;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.tenant.TenantUpserted;

/**
 * Our copy of the org settings from {@code platform.tenants.v1}: whether voice sessions are answered by SMS
 * (absent: yes). The newest state wins, by the event's time, so a redelivered or late older record is a no-op.
 */
@Service
public class TenantSettingsService {

    private final JdbcTemplate jdbc;

    TenantSettingsService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void apply(TenantUpserted tenant) {
        boolean smsReplies = tenant.settings() == null || tenant.settings().voiceSmsRepliesEnabled();
        jdbc.update("""
                INSERT INTO tenant_settings (org_id, voice_sms_replies, version_at) VALUES (?, ?, ?)
                ON CONFLICT (org_id) DO UPDATE SET voice_sms_replies = EXCLUDED.voice_sms_replies,
                    version_at = EXCLUDED.version_at
                WHERE tenant_settings.version_at <= EXCLUDED.version_at""",
                tenant.orgId(), smsReplies, Timestamp.from(tenant.occurredAt()));
    }

    /** Whether replies to the org's voice sessions go to the caller by SMS (yes until the org says otherwise). */
    @Transactional(readOnly = true)
    public boolean voiceSmsReplies(String orgId) {
        List<Boolean> value = jdbc.queryForList("SELECT voice_sms_replies FROM tenant_settings WHERE org_id = ?",
                Boolean.class, orgId);
        return value.isEmpty() || value.get(0);
    }
}
