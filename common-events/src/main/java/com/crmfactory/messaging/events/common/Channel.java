package com.crmfactory.messaging.events.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The customer's channel. A conversation (session, conversation key) is on sms, whatsapp, voice or
 * email; {@code mms} may describe a single message (e.g. an accepted outbound MMS) but is folded into
 * sms for conversations (see {@link com.crmfactory.messaging.events.ConversationKey}).
 */
public enum Channel {
    SMS, MMS, WHATSAPP, VOICE, EMAIL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel a conversation on this channel lives on: an MMS belongs to the SMS conversation. */
    public Channel conversationChannel() {
        return this == MMS ? SMS : this;
    }

    public static Channel fromWire(String value) {
        for (Channel channel : values()) {
            if (channel.wire().equals(value)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("unknown channel: " + value);
    }
}
