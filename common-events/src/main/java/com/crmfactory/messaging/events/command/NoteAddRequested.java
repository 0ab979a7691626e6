package com.crmfactory.messaging.events.command;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * Please add an internal note to the session's thread. conversation-service stores it for the people
 * in the inbox; it is never sent to the customer. Applied at most once per {@code commandId}.
 *
 * @param commandId   the idempotency key, chosen by the requester
 * @param requestedBy who asks, e.g. the automation id
 */
@EventPayload
public record NoteAddRequested(
        String orgId,
        String commandId,
        String sessionId,
        String text,
        String requestedBy,
        Instant occurredAt) implements DomainEvent {

    public NoteAddRequested {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(commandId, "commandId");
        Checks.notBlank(sessionId, "sessionId");
        Checks.notBlank(text, "text");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
