package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import java.util.Objects;

/**
 * A tap on a button or list item. {@code id} is the payload we set when sending (Twilio
 * {@code ButtonPayload} / {@code ListId}) and is what consumers branch on; {@code title} is the text
 * the customer saw ({@code ButtonText} / {@code ListTitle}).
 */
@EventPayload
public record InteractiveReply(InteractiveReplyType type, String id, String title) {

    public InteractiveReply {
        Objects.requireNonNull(type, "type");
        Checks.notBlank(id, "id");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
