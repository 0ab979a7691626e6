package com.crmfactory.messaging.gateway.agent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code agent} table. */
@Repository
public class AgentRepository {

    private static final String COLUMNS = "id, org_id, email, display_name, role, password_hash, created_at, disabled_at";

    private final JdbcClient jdbc;

    public AgentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Agent agent) {
        jdbc.sql("""
                INSERT INTO agent (id, org_id, email, display_name, role, password_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(agent.id(), agent.orgId(), agent.email(), agent.displayName(), agent.role().wire(),
                        agent.passwordHash(), Timestamp.from(agent.createdAt()))
                .update();
    }

    /** The agent signing in with this e-mail (any case), with the status of its org. */
    public Optional<SignInRecord> findForSignIn(String email) {
        return jdbc.sql("SELECT a.id, a.org_id, a.email, a.display_name, a.role, a.password_hash, a.created_at, a.disabled_at,"
                + " o.status FROM agent a JOIN org o ON o.id = a.org_id WHERE lower(a.email) = ?")
                .param(email.toLowerCase(Locale.ROOT))
                .query((rs, row) -> new SignInRecord(map(rs, row), "active".equals(rs.getString("status"))))
                .optional();
    }

    public List<Agent> findByOrg(String orgId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agent WHERE org_id = ? ORDER BY display_name, id")
                .param(orgId).query(AgentRepository::map).list();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("SELECT count(*) FROM agent WHERE lower(email) = ?").param(email.toLowerCase(Locale.ROOT))
                .query(Long.class).single() > 0;
    }

    /** An agent and whether its org is active. */
    public record SignInRecord(Agent agent, boolean orgActive) {
    }

    private static Agent map(ResultSet rs, int row) throws SQLException {
        Timestamp disabled = rs.getTimestamp("disabled_at");
        return new Agent(rs.getObject("id", UUID.class), rs.getString("org_id"), rs.getString("email"),
                rs.getString("display_name"), AgentRole.of(rs.getString("role")).orElseThrow(),
                rs.getString("password_hash"), rs.getTimestamp("created_at").toInstant(),
                disabled == null ? null : disabled.toInstant());
    }
}
