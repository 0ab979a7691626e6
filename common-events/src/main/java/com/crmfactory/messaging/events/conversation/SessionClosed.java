package com.crmfactory.messaging.events.conversation;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.SessionStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * The session ended: {@code completed} (closed by a person or the agent) or {@code expired} (its window
 * passed). A later customer message opens a new session.
 *
 * @param closedBy  user id, or null when the expiry scheduler closed it
 * @param escalated whether a human was ever involved (for the AI resolution ratio)
 */
@EventPayload
public record SessionClosed(
        String orgId,
        String sessionId,
        SessionStatus status,
        String closedBy,
        Boolean escalated,
        Instant occurredAt) implements DomainEvent {

    public SessionClosed {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(sessionId, "sessionId");
        Objects.requireNonNull(status, "status");
        if (!status.isClosed()) {
            throw new IllegalArgumentException("a closed session is completed or expired, not " + status.wire());
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
