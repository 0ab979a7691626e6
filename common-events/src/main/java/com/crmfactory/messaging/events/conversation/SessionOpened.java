package com.crmfactory.messaging.events.conversation;

import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.SessionStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A new session for (org, channel, customer address). Always the first event of a session, so a
 * consumer that sees it can create its own copy before any {@link MessageRecorded}.
 *
 * @param businessAddress the org's number or address the customer talks to
 * @param contactName     the contact's name if known, else the WhatsApp profile name
 * @param expiresAt       end of the current session window
 */
@EventPayload
public record SessionOpened(
        String orgId,
        String sessionId,
        String contactId,
        Channel channel,
        String customerAddress,
        String businessAddress,
        SessionStatus status,
        String contactName,
        Instant expiresAt,
        Instant occurredAt) implements DomainEvent {

    public SessionOpened {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(sessionId, "sessionId");
        Checks.notBlank(contactId, "contactId");
        Objects.requireNonNull(channel, "channel");
        Checks.notBlank(customerAddress, "customerAddress");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public ConversationKey conversationKey() {
        return ConversationKey.of(orgId, channel, customerAddress);
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
