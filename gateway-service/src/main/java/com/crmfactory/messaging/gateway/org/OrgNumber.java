package com.crmfactory.messaging.gateway.org;

import java.time.Instant;
import java.util.UUID;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SenderNumber;
import com.crmfactory.messaging.events.common.SenderType;

/** A sender number an org owns, as stored; the address is written as Twilio writes it. */
public record OrgNumber(UUID id, String orgId, Channel channel, String address, SenderType type,
        String messagingServiceSid, Instant createdAt) {

    public SenderNumber toEvent() {
        return new SenderNumber(channel, address, type, messagingServiceSid);
    }
}
