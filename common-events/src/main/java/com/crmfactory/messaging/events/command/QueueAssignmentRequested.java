package com.crmfactory.messaging.events.command;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * Please hand the session to the people of {@code queue}, like a human handoff: conversation-service
 * escalates it (status needs_human, SessionEscalated) or moves it there when it already waits in another
 * queue. Applied at most once per {@code commandId}.
 *
 * @param commandId   the idempotency key, chosen by the requester
 * @param reason      machine-readable cause, e.g. "automation"
 * @param requestedBy who asks, e.g. the automation id
 */
@EventPayload
public record QueueAssignmentRequested(
        String orgId,
        String commandId,
        String sessionId,
        String queue,
        String reason,
        String requestedBy,
        Instant occurredAt) implements DomainEvent {

    public QueueAssignmentRequested {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(commandId, "commandId");
        Checks.notBlank(sessionId, "sessionId");
        Checks.notBlank(queue, "queue");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
