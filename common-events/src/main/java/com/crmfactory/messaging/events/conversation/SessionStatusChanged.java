package com.crmfactory.messaging.events.conversation;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.SessionStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * Any status transition of an open session (e.g. active to waiting_reply). Escalation and closing have
 * their own, richer events ({@link SessionEscalated}, {@link SessionClosed}) in addition to this one.
 *
 * @param reason short machine-readable cause, e.g. "agent_reply", "customer_message"
 */
@EventPayload
public record SessionStatusChanged(
        String orgId,
        String sessionId,
        SessionStatus previousStatus,
        SessionStatus status,
        String reason,
        Instant occurredAt) implements DomainEvent {

    public SessionStatusChanged {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(sessionId, "sessionId");
        Objects.requireNonNull(previousStatus, "previousStatus");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
