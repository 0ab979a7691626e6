package com.crmfactory.messaging.gateway.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.gateway.ratelimit.RateLimit;

/** The {@code api_key} table. */
@Repository
public class ApiKeyRepository {

    private static final String COLUMNS =
            "id, org_id, name, key_prefix, key_hash, requests_per_second, burst, created_at, revoked_at";

    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiKey key) {
        jdbc.sql("""
                INSERT INTO api_key (id, org_id, name, key_prefix, key_hash, requests_per_second, burst, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key.id(), key.orgId(), key.name(), key.prefix(), key.hash(), key.requestsPerSecond(), key.burst(),
                        Timestamp.from(key.createdAt()))
                .update();
    }

    /** The principal of an unrevoked key with this hash. */
    public Optional<ApiKeyPrincipal> findPrincipal(String hash) {
        return jdbc.sql("""
                SELECT k.id, k.org_id, o.status, k.requests_per_second, k.burst
                FROM api_key k JOIN org o ON o.id = k.org_id
                WHERE k.key_hash = ? AND k.revoked_at IS NULL""")
                .param(hash)
                .query((rs, row) -> new ApiKeyPrincipal(rs.getObject("id", UUID.class), rs.getString("org_id"),
                        TenantStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rateLimit(rs)))
                .optional();
    }

    public List<ApiKey> findByOrg(String orgId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE org_id = ? ORDER BY created_at, id")
                .param(orgId).query(ApiKeyRepository::map).list();
    }

    /** Marks the key revoked; false when the org has no such unrevoked key. */
    public boolean revoke(String orgId, UUID id, Timestamp at) {
        return jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE org_id = ? AND id = ? AND revoked_at IS NULL")
                .params(at, orgId, id).update() > 0;
    }

    private static RateLimit rateLimit(ResultSet rs) throws SQLException {
        Integer requestsPerSecond = rs.getObject("requests_per_second", Integer.class);
        Integer burst = rs.getObject("burst", Integer.class);
        return requestsPerSecond == null || burst == null ? null : new RateLimit(requestsPerSecond, burst);
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiKey(rs.getObject("id", UUID.class), rs.getString("org_id"), rs.getString("name"),
                rs.getString("key_prefix"), rs.getString("key_hash"), rs.getObject("requests_per_second", Integer.class),
                rs.getObject("burst", Integer.class), rs.getTimestamp("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
