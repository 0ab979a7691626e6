package com.crmfactory.messaging.outbound.tenant;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SenderNumber;
import com.crmfactory.messaging.events.common.SenderType;
import com.crmfactory.messaging.events.tenant.TenantUpserted;

/** Our copy of each org's sender numbers and help text (from the compacted {@code platform.tenants.v1}). */
@Component
public class TenantDirectory {

    /** A sender to send from and the rate-limit class it belongs to. */
    public record Sender(String address, SenderType type) {
    }

    private final JdbcTemplate jdbc;

    public TenantDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the org's copy with the event's full state. */
    @Transactional
    public void replace(TenantUpserted tenant) {
        jdbc.update("DELETE FROM tenant_sender WHERE org_id = ?", tenant.orgId());
        for (SenderNumber number : tenant.senderNumbers()) {
            jdbc.update("""
                    INSERT INTO tenant_sender (org_id, channel, address, sender_type, messaging_service_sid)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", tenant.orgId(), number.channel().wire(),
                    number.address(), number.type() == null ? null : number.type().wire(), number.messagingServiceSid());
        }
        String help = tenant.settings() == null ? null : tenant.settings().helpText();
        jdbc.update("""
                INSERT INTO tenant_settings (org_id, help_text) VALUES (?, ?)
                ON CONFLICT (org_id) DO UPDATE SET help_text = EXCLUDED.help_text, updated_at = now()""",
                tenant.orgId(), help);
    }

    /** The org's sender on that channel (MMS uses the SMS numbers), if it has one. */
    public Optional<Sender> sender(String orgId, Channel channel) {
        Channel lookup = channel == Channel.MMS ? Channel.SMS : channel;
        List<Sender> senders = jdbc.query("""
                SELECT address, sender_type FROM tenant_sender WHERE org_id = ? AND channel IN (?, ?)
                ORDER BY channel = ? DESC, address LIMIT 1""",
                (rs, n) -> new Sender(rs.getString(1), type(rs.getString(2), lookup)),
                orgId, lookup.wire(), channel.wire(), channel.wire());
        return senders.stream().findFirst();
    }

    public Optional<String> helpText(String orgId) {
        return jdbc.queryForList("SELECT help_text FROM tenant_settings WHERE org_id = ?", String.class, orgId)
                .stream().filter(t -> t != null && !t.isBlank()).findFirst();
    }

    static SenderType type(String wire, Channel channel) {
        if (wire != null) {
            for (SenderType type : SenderType.values()) {
                if (type.wire().equals(wire)) {
                    return type;
                }
            }
        }
        return channel == Channel.WHATSAPP ? SenderType.WHATSAPP : SenderType.LONG_CODE;
    }
}
