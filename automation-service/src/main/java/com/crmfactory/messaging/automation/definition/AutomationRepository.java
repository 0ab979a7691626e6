package com.crmfactory.messaging.automation.definition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Automations and their versions; every query is scoped to one org. */
@Repository
class AutomationRepository {

    private static final String COLUMNS = """
            a.id, a.org_id, a.name, a.enabled, a.version, v.definition::text AS definition, a.created_at, a.updated_at
            FROM automation a JOIN automation_version v ON v.automation_id = a.id AND v.version = a.version""";
    private static final RowMapper<AutomationRow> ROW = AutomationRepository::row;

    private final JdbcTemplate jdbc;

    AutomationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AutomationRow row, String triggerType) {
        jdbc.update("""
                INSERT INTO automation (id, org_id, name, enabled, version, trigger_type, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", row.id(), row.orgId(), row.name(), row.enabled(), row.version(),
                triggerType, Timestamp.from(row.createdAt()), Timestamp.from(row.updatedAt()));
        insertVersion(row.id(), row.version(), row.definition(), row.updatedAt());
    }

    /** Locks the automation's row: versions are numbered one after the other. */
    Optional<AutomationRow> lock(String orgId, UUID id) {
        List<UUID> locked = jdbc.queryForList(
                "SELECT id FROM automation WHERE org_id = ? AND id = ? AND deleted_at IS NULL FOR UPDATE", UUID.class,
                orgId, id);
        return locked.isEmpty() ? Optional.empty() : find(orgId, id);
    }

    Optional<AutomationRow> find(String orgId, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " WHERE a.org_id = ? AND a.id = ? AND a.deleted_at IS NULL", ROW, orgId, id)
                .stream().findFirst();
    }

    List<AutomationRow> page(String orgId, int page, int size) {
        return jdbc.query("SELECT " + COLUMNS + " WHERE a.org_id = ? AND a.deleted_at IS NULL ORDER BY a.created_at, a.id "
                + "LIMIT ? OFFSET ?", ROW, orgId, size, (long) page * size);
    }

    long count(String orgId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM automation WHERE org_id = ? AND deleted_at IS NULL",
                Long.class, orgId);
        return count == null ? 0 : count;
    }

    List<AutomationRow> enabled(String orgId) {
        return jdbc.query("SELECT " + COLUMNS + " WHERE a.org_id = ? AND a.enabled AND a.deleted_at IS NULL", ROW, orgId);
    }

    void newVersion(AutomationRow row, String triggerType) {
        jdbc.update("UPDATE automation SET name = ?, enabled = ?, version = ?, trigger_type = ?, updated_at = ? WHERE id = ?",
                row.name(), row.enabled(), row.version(), triggerType, Timestamp.from(row.updatedAt()), row.id());
        insertVersion(row.id(), row.version(), row.definition(), row.updatedAt());
    }

    void setEnabled(UUID id, boolean enabled, Instant at) {
        jdbc.update("UPDATE automation SET enabled = ?, updated_at = ? WHERE id = ?", enabled, Timestamp.from(at), id);
    }

    void delete(UUID id, Instant at) {
        jdbc.update("UPDATE automation SET deleted_at = ?, enabled = false WHERE id = ?", Timestamp.from(at), id);
    }

    /** A version's definition JSON; versions never change once written. */
    Optional<String> version(UUID automationId, int version) {
        return jdbc.queryForList("SELECT definition::text FROM automation_version WHERE automation_id = ? AND version = ?",
                String.class, automationId, version).stream().findFirst();
    }

    private void insertVersion(UUID id, int version, String definition, Instant at) {
        jdbc.update("INSERT INTO automation_version (automation_id, version, definition, created_at) VALUES (?, ?, ?::jsonb, ?)",
                id, version, definition, Timestamp.from(at));
    }

    private static AutomationRow row(ResultSet rs, int n) throws SQLException {
        return new AutomationRow(rs.getObject("id", UUID.class), rs.getString("org_id"), rs.getString("name"),
                rs.getBoolean("enabled"), rs.getInt("version"), rs.getString("definition"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
