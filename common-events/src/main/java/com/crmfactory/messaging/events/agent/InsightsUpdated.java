package com.crmfactory.messaging.events.agent;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.OrderDraft;
import java.time.Instant;
import java.util.Objects;

/** The agent's view of the session after a turn: intent, a one-line summary, the order draft. */
@EventPayload
public record InsightsUpdated(
        String orgId,
        String sessionId,
        String intent,
        Double confidence,
        String summary,
        OrderDraft orderDraft,
        Instant occurredAt) implements DomainEvent {

    public InsightsUpdated {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(sessionId, "sessionId");
        Checks.confidence(confidence);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
