package com.crmfactory.messaging.events.conversation;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * The session now needs a human (status needs_human) and waits in {@code queue}. From here on the AI
 * agent's proposals are dropped by conversation-service.
 *
 * @param reason      machine-readable cause, e.g. "low_confidence", "customer_request", "not_understood"
 * @param summary     handoff summary for the human agent
 * @param escalatedBy AI when the agent asked, AGENT when a person escalated from the inbox
 */
@EventPayload
public record SessionEscalated(
        String orgId,
        String sessionId,
        String queue,
        String reason,
        String intent,
        String summary,
        Author escalatedBy,
        Instant occurredAt) implements DomainEvent {

    public SessionEscalated {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(sessionId, "sessionId");
        Checks.notBlank(queue, "queue");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
