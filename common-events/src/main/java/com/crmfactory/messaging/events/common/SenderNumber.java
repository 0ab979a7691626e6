package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import java.util.Objects;

/**
 * A sender an org owns on one channel, written as Twilio writes it ({@code +15555550100},
 * {@code whatsapp:+15555550100}) or an e-mail address. Inbound routing finds the org by it.
 */
@EventPayload
public record SenderNumber(Channel channel, String address, SenderType type, String messagingServiceSid) {

    public SenderNumber {
        Objects.requireNonNull(channel, "channel");
        Checks.notBlank(address, "address");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
