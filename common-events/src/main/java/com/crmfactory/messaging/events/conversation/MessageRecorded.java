package com.crmfactory.messaging.events.conversation;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.MessageView;
import java.time.Instant;
import java.util.Objects;

/**
 * A message was stored in a session, whoever wrote it (customer, AI, agent, automation). Carries the
 * whole message (event-carried state transfer). Emitted once per message: a provider retry of the same
 * {@code MessageSid} records nothing new.
 */
@EventPayload
public record MessageRecorded(
        String orgId,
        String sessionId,
        String contactId,
        MessageView message,
        Instant occurredAt) implements DomainEvent {

    public MessageRecorded {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(sessionId, "sessionId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
