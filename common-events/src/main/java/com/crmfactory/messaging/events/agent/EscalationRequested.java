package com.crmfactory.messaging.events.agent;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * The AI agent hands the conversation to a human. conversation-service picks the queue
 * ({@code CONVERSATION_ESCALATION_QUEUE_<INTENT>}) and emits {@code SessionEscalated}.
 *
 * @param reason    machine-readable: "low_confidence", "customer_request", "not_understood", "erp_unavailable", …
 * @param summary   handoff summary for the human
 * @param queueHint a queue the agent suggests; conversation-service may ignore it
 */
@EventPayload
public record EscalationRequested(
        String orgId,
        String sessionId,
        String reason,
        String intent,
        Double confidence,
        String summary,
        String queueHint,
        Instant occurredAt) implements DomainEvent {

    public EscalationRequested {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(sessionId, "sessionId");
        Checks.notBlank(reason, "reason");
        Checks.confidence(confidence);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
