package com.crmfactory.messaging.outbound.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.common.Channel;

/** Per customer, org and channel: the last inbound message (session window) and the opt-out flag. */
@Component
public class CustomerState {

    private final JdbcTemplate jdbc;

    public CustomerState(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an inbound message; the window only ever moves forward (redeliveries and old events change nothing). */
    public void inboundAt(String orgId, Channel channel, String address, Instant at) {
        jdbc.update("""
                INSERT INTO customer_window (org_id, channel, address, last_inbound_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (org_id, channel, address) DO UPDATE
                SET last_inbound_at = GREATEST(customer_window.last_inbound_at, EXCLUDED.last_inbound_at)""",
                orgId, key(channel), address, Timestamp.from(at));
    }

    public Optional<Instant> lastInbound(String orgId, Channel channel, String address) {
        return jdbc.queryForList("""
                SELECT last_inbound_at FROM customer_window WHERE org_id = ? AND channel = ? AND address = ?""",
                Timestamp.class, orgId, key(channel), address).stream().findFirst().map(Timestamp::toInstant);
    }

    public void optOut(String orgId, Channel channel, String address, String source) {
        jdbc.update("""
                INSERT INTO opt_out (org_id, channel, address, source) VALUES (?, ?, ?, ?)
                ON CONFLICT (org_id, channel, address) DO NOTHING""", orgId, key(channel), address, source);
    }

    public void optIn(String orgId, Channel channel, String address) {
        jdbc.update("DELETE FROM opt_out WHERE org_id = ? AND channel = ? AND address = ?", orgId, key(channel), address);
    }

    public boolean optedOut(String orgId, Channel channel, String address) {
        Integer n = jdbc.queryForObject("""
                SELECT count(*) FROM opt_out WHERE org_id = ? AND channel = ? AND address = ?""",
                Integer.class, orgId, key(channel), address);
        return n != null && n > 0;
    }

    /** SMS and MMS share one window and one opt-out: they are the same phone conversation. */
    private static String key(Channel channel) {
        return channel.conversationChannel().wire();
    }
}
