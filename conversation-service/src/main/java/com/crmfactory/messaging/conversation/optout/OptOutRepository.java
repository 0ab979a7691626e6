package com.crmfactory.messaging.conversation.optout;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.outbound.CustomerOptOutChanged;

/** The {@code customer_opt_out} table: a change is applied only when it is at least as new as the stored one. */
@Repository
class OptOutRepository {

    private final JdbcTemplate jdbc;

    OptOutRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void apply(CustomerOptOutChanged change) {
        jdbc.update("""
                INSERT INTO customer_opt_out (org_id, channel, address, opted_out, source, changed_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (org_id, channel, address) DO UPDATE SET opted_out = EXCLUDED.opted_out,
                    source = EXCLUDED.source, changed_at = EXCLUDED.changed_at
                WHERE customer_opt_out.changed_at <= EXCLUDED.changed_at""",
                change.orgId(), change.channel().conversationChannel().wire(), change.address(), change.optedOut(),
                change.source(), Timestamp.from(change.occurredAt()));
    }

    Optional<OptOutState> find(String orgId, Channel channel, String address) {
        return jdbc.query("""
                SELECT channel, address, opted_out, source, changed_at FROM customer_opt_out
                WHERE org_id = ? AND channel = ? AND address = ?""", (rs, n) -> state(rs), orgId,
                channel.conversationChannel().wire(), address).stream().findFirst();
    }

    List<OptOutState> findAll(String orgId, Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        return new NamedParameterJdbcTemplate(jdbc).query("""
                SELECT channel, address, opted_out, source, changed_at FROM customer_opt_out
                WHERE org_id = :org AND address IN (:addresses) ORDER BY channel""",
                new MapSqlParameterSource("org", orgId).addValue("addresses", addresses), (rs, n) -> state(rs));
    }

    private static OptOutState state(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OptOutState(Channel.fromWire(rs.getString("channel")), rs.getString("address"),
                rs.getBoolean("opted_out"), rs.getString("source"), rs.getTimestamp("changed_at").toInstant());
    }
}
