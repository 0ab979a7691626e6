package com.crmfactory.messaging.gateway.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.crmfactory.messaging.events.common.TenantStatus;

/** The {@code org} table. */
@Repository
public class OrgRepository {

    private static final String COLUMNS = "id, name, status, help_text, default_language, time_zone, voice_greeting, "
            + "voice_sms_replies, email_inbound_token_hash, email_signature_public_key, created_at, updated_at";

    private final JdbcClient jdbc;

    public OrgRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Org org) {
        jdbc.sql("""
                INSERT INTO org (id, name, status, help_text, default_language, time_zone, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(org.id(), org.name(), org.status().wire(), org.helpText(), org.defaultLanguage(), org.timeZone(),
                        Timestamp.from(org.createdAt()), Timestamp.from(org.updatedAt()))
                .update();
    }

    public void update(Org org) {
        jdbc.sql("""
                UPDATE org SET name = ?, status = ?, help_text = ?, default_language = ?, time_zone = ?,
                    voice_greeting = ?, voice_sms_replies = ?, email_signature_public_key = ?, updated_at = ?
                WHERE id = ?""")
                .params(org.name(), org.status().wire(), org.helpText(), org.defaultLanguage(), org.timeZone(),
                        org.voiceGreeting(), org.voiceSmsReplies(), org.emailSignaturePublicKey(),
                        Timestamp.from(org.updatedAt()), org.id())
                .update();
    }

    public void setEmailInboundTokenHash(String id, String hash, Instant at) {
        jdbc.sql("UPDATE org SET email_inbound_token_hash = ?, updated_at = ? WHERE id = ?")
                .params(hash, Timestamp.from(at), id).update();
    }

    public Optional<Org> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org WHERE id = ?").param(id).query(OrgRepository::map).optional();
    }

    /**
     * Locks the org row until the transaction ends. Every change to an org or its numbers takes this
     * lock first, so concurrent changes publish their full-state events in commit order and none of
     * them misses the other's change.
     */
    public Optional<Org> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org WHERE id = ? FOR UPDATE").param(id).query(OrgRepository::map).optional();
    }

    public boolean exists(String id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM org WHERE id = ?)").param(id).query(Boolean.class).single();
    }

    public boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM org)").query(Boolean.class).single();
    }

    public List<Org> page(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org ORDER BY created_at, id OFFSET ? LIMIT ?")
                .params(offset, limit).query(OrgRepository::map).list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM org").query(Long.class).single();
    }

    private static Org map(ResultSet rs, int row) throws SQLException {
        return new Org(rs.getString("id"), rs.getString("name"),
                TenantStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("help_text"),
                rs.getString("default_language"), rs.getString("time_zone"), rs.getString("voice_greeting"),
                rs.getObject("voice_sms_replies", Boolean.class), rs.getString("email_inbound_token_hash"),
                rs.getString("email_signature_public_key"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
