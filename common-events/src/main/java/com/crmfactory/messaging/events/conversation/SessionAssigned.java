package com.crmfactory.messaging.events.conversation;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * A person took the session. An assigned session is human-handled: the AI agent is never heard in it.
 *
 * @param assignee   user id of the agent now in charge
 * @param assignedBy user id of who assigned it (the assignee themself when they picked it up)
 */
@EventPayload
public record SessionAssigned(
        String orgId,
        String sessionId,
        String assignee,
        String assignedBy,
        String queue,
        Instant occurredAt) implements DomainEvent {

    public SessionAssigned {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(sessionId, "sessionId");
        Checks.notBlank(assignee, "assignee");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
