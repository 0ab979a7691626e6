package com.crmfactory.messaging.automation.state;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** customer_state and session_state: upserts that keep what is known when a newer event leaves a field out. */
@Repository
class StateRepository {

    private final JdbcTemplate jdbc;

    StateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the customer as stored after the upsert */
    CustomerView upsertCustomer(String orgId, String customer, CustomerView known, Instant at) {
        return jdbc.queryForObject("""
                INSERT INTO customer_state (org_id, customer, name, phone, email, last_channel, last_address, last_session_id, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (org_id, customer) DO UPDATE SET
                    name = COALESCE(EXCLUDED.name, customer_state.name),
                    phone = COALESCE(EXCLUDED.phone, customer_state.phone),
                    email = COALESCE(EXCLUDED.email, customer_state.email),
                    last_channel = COALESCE(EXCLUDED.last_channel, customer_state.last_channel),
                    last_address = COALESCE(EXCLUDED.last_address, customer_state.last_address),
                    last_session_id = COALESCE(EXCLUDED.last_session_id, customer_state.last_session_id),
                    updated_at = EXCLUDED.updated_at
                RETURNING name, phone, email, last_channel, last_address, last_session_id""",
                (rs, n) -> new CustomerView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)),
                orgId, customer, known.name(), known.phone(), known.email(), known.lastChannel(), known.lastAddress(),
                known.lastSessionId(), Timestamp.from(at));
    }

    Optional<CustomerView> customer(String orgId, String customer) {
        return jdbc.query("""
                SELECT name, phone, email, last_channel, last_address, last_session_id FROM customer_state
                WHERE org_id = ? AND customer = ?""",
                (rs, n) -> new CustomerView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), orgId, customer).stream().findFirst();
    }

    void upsertSession(String orgId, SessionView known, Instant at) {
        jdbc.update("""
                INSERT INTO session_state (org_id, session_id, channel, customer_address, contact_name, intent, status, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (org_id, session_id) DO UPDATE SET
                    channel = COALESCE(EXCLUDED.channel, session_state.channel),
                    customer_address = COALESCE(EXCLUDED.customer_address, session_state.customer_address),
                    contact_name = COALESCE(EXCLUDED.contact_name, session_state.contact_name),
                    intent = COALESCE(EXCLUDED.intent, session_state.intent),
                    status = COALESCE(EXCLUDED.status, session_state.status),
                    updated_at = EXCLUDED.updated_at""",
                orgId, known.sessionId(), known.channel(), known.customerAddress(), known.contactName(), known.intent(),
                known.status(), Timestamp.from(at));
    }

    Optional<SessionView> session(String orgId, String sessionId) {
        return jdbc.query("""
                SELECT session_id, channel, customer_address, contact_name, intent, status, automation_depth
                FROM session_state WHERE org_id = ? AND session_id = ?""",
                (rs, n) -> new SessionView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)), orgId, sessionId).stream().findFirst();
    }

    /** Run for every inbound message: served by the index session_state_by_customer. */
    static final String OPEN_SESSION = """
            SELECT session_id, channel, customer_address, contact_name, intent, status, automation_depth
            FROM session_state WHERE org_id = ? AND channel = ? AND customer_address = ?
            AND status NOT IN ('completed', 'expired') ORDER BY updated_at DESC LIMIT 1""";

    /** The customer's open session on a channel, if conversation-service has opened one. */
    Optional<SessionView> openSession(String orgId, String channel, String customerAddress) {
        return jdbc.query(OPEN_SESSION,
                (rs, n) -> new SessionView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)), orgId, channel, customerAddress)
                .stream().findFirst();
    }

    void markDepth(String orgId, String sessionId, int depth, Instant at) {
        jdbc.update("""
                INSERT INTO session_state (org_id, session_id, automation_depth, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (org_id, session_id) DO UPDATE SET automation_depth = EXCLUDED.automation_depth""",
                orgId, sessionId, depth, Timestamp.from(at));
    }
}
