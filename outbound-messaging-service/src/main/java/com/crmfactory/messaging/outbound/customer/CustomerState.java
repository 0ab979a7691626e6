package com.crmfactory.messaging.outbound.customer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.outbound.CustomerOptOutChanged;
import com.crmfactory.messaging.support.outbox.OutboxWriter;

/**
 * Per customer, org and channel: the last inbound message (session window) and the opt-out flag. This service owns
 * opt-outs: every change (not a repeat) is published as {@link CustomerOptOutChanged} through the outbox, in the
 * transaction of the change, so conversation-service's copy follows.
 */
@Component
public class CustomerState {

    private final JdbcTemplate jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CustomerState(JdbcTemplate jdbc, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
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

    /** Opts the address out of the channel; publishes the change unless it was opted out already. */
    @Transactional
    public void optOut(String orgId, Channel channel, String address, String source) {
        int changed = jdbc.update("""
                INSERT INTO opt_out (org_id, channel, address, source) VALUES (?, ?, ?, ?)
                ON CONFLICT (org_id, channel, address) DO NOTHING""", orgId, key(channel), address, source);
        if (changed > 0) {
            published(new CustomerOptOutChanged(orgId, channel, address, true, source, clock.instant()));
        }
    }

    /** Opts the address back in; publishes the change unless it was not opted out. */
    @Transactional
    public void optIn(String orgId, Channel channel, String address) {
        int changed = jdbc.update("DELETE FROM opt_out WHERE org_id = ? AND channel = ? AND address = ?", orgId,
                key(channel), address);
        if (changed > 0) {
            published(new CustomerOptOutChanged(orgId, channel, address, false, "keyword", clock.instant()));
        }
    }

    private void published(CustomerOptOutChanged change) {
        outbox.append(Topics.OUTBOUND_RESULTS, change.conversationKey().value(), change);
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
