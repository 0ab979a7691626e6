package com.crmfactory.messaging.events.outbound;

import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's opt-out state on one channel of one org changed (outbound-messaging-service owns it: STOP/START
 * keywords, Twilio's 21610). Published once per change, keyed by the conversation key; the newest state wins.
 *
 * @param channel  the conversation channel (MMS is part of sms)
 * @param address  the customer address as the provider writes it ({@code whatsapp:+…} kept)
 * @param optedOut true after an opt-out, false after an opt-in
 * @param source   what changed it: {@code keyword}, {@code twilio-21610}, …
 */
@EventPayload
public record CustomerOptOutChanged(
        String orgId,
        Channel channel,
        String address,
        boolean optedOut,
        String source,
        Instant occurredAt) implements DomainEvent {

    public CustomerOptOutChanged {
        Checks.notBlank(orgId, "orgId");
        Objects.requireNonNull(channel, "channel");
        channel = channel.conversationChannel();
        Checks.notBlank(address, "address");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public ConversationKey conversationKey() {
        return ConversationKey.of(orgId, channel, address);
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
