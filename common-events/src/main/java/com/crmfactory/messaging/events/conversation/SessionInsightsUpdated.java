package com.crmfactory.messaging.events.conversation;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.OrderDraft;
import java.time.Instant;
import java.util.Objects;

/** The session's intent, summary and order context as conversation-service now stores them. */
@EventPayload
public record SessionInsightsUpdated(
        String orgId,
        String sessionId,
        String intent,
        Double confidence,
        String summary,
        OrderDraft orderDraft,
        Instant occurredAt) implements DomainEvent {

    public SessionInsightsUpdated {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(sessionId, "sessionId");
        Checks.confidence(confidence);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
