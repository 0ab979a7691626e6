package com.crmfactory.messaging.conversation.contact;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.common.Channel;

/**
 * Serialises the work on one customer (both channels of one number) until commit, so a contact is created once:
 * the same PostgreSQL advisory lock the inbound path takes for a customer message.
 */
@Component
public class CustomerLock {

    private final JdbcTemplate jdbc;

    CustomerLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String orgId, Channel channel, String address) {
        String customer = channel.conversationChannel() == Channel.EMAIL ? address : Addresses.bare(address);
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))::text", String.class,
                "conversation-customer:" + orgId + ":" + customer);
    }
}
