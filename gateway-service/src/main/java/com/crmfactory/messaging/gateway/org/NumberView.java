package com.crmfactory.messaging.gateway.org;

import java.time.Instant;
import java.util.UUID;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SenderType;

/** A sender number as the admin API shows it. */
public record NumberView(UUID id, Channel channel, String address, SenderType type, String messagingServiceSid,
        Instant createdAt) {

    public static NumberView of(OrgNumber number) {
        return new NumberView(number.id(), number.channel(), number.address(), number.type(),
                number.messagingServiceSid(), number.createdAt());
    }
}
