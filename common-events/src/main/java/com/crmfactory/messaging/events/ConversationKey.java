package com.crmfactory.messaging.events;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Checks;
import java.util.Objects;

/**
 * The Kafka key (and {@code ce_subject}) of every conversation stream: {@code orgId:channel:customerAddress}.
 * All events of one conversation hash to one partition and stay in order. The customer address is kept
 * as the provider writes it and may itself contain ':' ({@code whatsapp:+14155550123}), so parsing
 * splits at the first two colons only. MMS is folded into SMS: both belong to one conversation.
 */
public record ConversationKey(String orgId, Channel channel, String customerAddress) {

    private static final String SEPARATOR = ":";

    public ConversationKey {
        Checks.notBlank(orgId, "orgId");
        if (orgId.contains(SEPARATOR)) {
            throw new IllegalArgumentException("orgId must not contain ':'");
        }
        channel = Objects.requireNonNull(channel, "channel").conversationChannel();
        Checks.notBlank(customerAddress, "customerAddress");
    }

    public static ConversationKey of(String orgId, Channel channel, String customerAddress) {
        return new ConversationKey(orgId, channel, customerAddress);
    }

    public static ConversationKey parse(String key) {
        Objects.requireNonNull(key, "key");
        String[] parts = key.split(SEPARATOR, 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a conversation key (orgId:channel:customerAddress): " + key);
        }
        return new ConversationKey(parts[0], Channel.fromWire(parts[1]), parts[2]);
    }

    /** The key as written to Kafka. */
    public String value() {
        return orgId + SEPARATOR + channel.wire() + SEPARATOR + customerAddress;
    }

    /** Redacted: the customer address is personal data; {@link #value()} is the key itself. */
    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
