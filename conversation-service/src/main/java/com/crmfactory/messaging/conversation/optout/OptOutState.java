package com.crmfactory.messaging.conversation.optout;

import java.time.Instant;

import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Channel;

/** A customer's opt-out state on one channel, as outbound-messaging-service last reported it. */
public record OptOutState(Channel channel, String address, boolean optedOut, String source, Instant changedAt) {

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
