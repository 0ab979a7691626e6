package com.crmfactory.messaging.systemtests.check;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read-only queries on conversation-service's database: what was stored for the messages a scenario sent. */
final class ConversationDatabase {

    private final Stack stack;

    ConversationDatabase(Stack stack) {
        this.stack = stack;
    }

    /** A stored customer message and the session it went to. */
    record Stored(String messageId, String providerMessageId, String sessionId, long createdAtMillis) {
    }

    /** What the session holds besides the customer's messages. */
    record Session(String sessionId, String customerAddress, boolean escalated, Long escalatedAtMillis,
            List<Outgoing> outgoing) {
        long aiMessages() {
            return outgoing.stream().filter(o -> "AI".equals(o.author())).count();
        }
    }

    /** A message to the customer (AI, agent, automation) and its outbound request. */
    record Outgoing(String author, String body, String requestId, String providerMessageId, String deliveryStatus,
            long createdAtMillis) {
    }

    /** Customer messages stored under these provider ids (Twilio MessageSid); several rows for one id = stored twice. */
    List<Stored> customerMessages(Collection<String> providerMessageIds) throws SQLException {
        List<Stored> stored = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(
                "SELECT id, provider_message_id, session_id, created_at FROM message"
                        + " WHERE author = 'CUSTOMER' AND provider_message_id = ANY (?)")) {
            q.setArray(1, array(c, providerMessageIds));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    stored.add(new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).getTime()));
                }
            }
        }
        return stored;
    }

    /** The sessions with their outgoing messages. */
    Map<String, Session> sessions(Collection<String> sessionIds) throws SQLException {
        Map<String, Session> sessions = new HashMap<>();
        try (Connection c = connect()) {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT id, customer_address, escalated, escalated_at FROM session WHERE id = ANY (?::uuid[])")) {
                q.setArray(1, array(c, sessionIds));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Timestamp escalatedAt = rs.getTimestamp(4);
                        sessions.put(rs.getString(1), new Session(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                                escalatedAt == null ? null : escalatedAt.getTime(), new ArrayList<>()));
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT session_id, author, body, request_id, provider_message_id, delivery_status, created_at FROM message"
                            + " WHERE author <> 'CUSTOMER' AND session_id = ANY (?::uuid[]) ORDER BY sequence")) {
                q.setArray(1, array(c, sessionIds));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Session session = sessions.get(rs.getString(1));
                        if (session != null) {
                            session.outgoing().add(new Outgoing(rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getString(6), rs.getTimestamp(7).getTime()));
                        }
                    }
                }
            }
        }
        return sessions;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(stack.conversationJdbcUrl(), stack.databaseUser(), stack.databasePassword());
    }

    private static Array array(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("varchar", values.toArray(String[]::new));
    }
}
