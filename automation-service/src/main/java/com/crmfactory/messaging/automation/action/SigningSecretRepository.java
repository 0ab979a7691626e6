package com.crmfactory.messaging.automation.action;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class SigningSecretRepository {

    private final JdbcTemplate jdbc;

    SigningSecretRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertIfAbsent(String orgId, String secret, Instant at) {
        jdbc.update("INSERT INTO signing_secret (org_id, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (org_id) DO NOTHING",
                orgId, secret, Timestamp.from(at));
    }

    void replace(String orgId, String secret, Instant at) {
        jdbc.update("""
                INSERT INTO signing_secret (org_id, secret, created_at) VALUES (?, ?, ?)
                ON CONFLICT (org_id) DO UPDATE SET secret = EXCLUDED.secret, created_at = EXCLUDED.created_at""",
                orgId, secret, Timestamp.from(at));
    }

    Optional<String> find(String orgId) {
        return jdbc.queryForList("SELECT secret FROM signing_secret WHERE org_id = ?", String.class, orgId).stream()
                .findFirst();
    }
}
