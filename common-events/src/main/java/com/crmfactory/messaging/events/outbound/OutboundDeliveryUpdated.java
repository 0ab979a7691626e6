package com.crmfactory.messaging.events.outbound;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * The delivery status of an accepted message moved forward (outbound already applied
 * {@link DeliveryStatus#canMoveTo}, so consumers see no regressions from it).
 *
 * @param errorCode    provider error code on failed/undelivered, e.g. "63016"
 * @param errorMessage readable reason for people
 */
@EventPayload
public record OutboundDeliveryUpdated(
        String orgId,
        String requestId,
        String sessionId,
        String providerMessageId,
        DeliveryStatus status,
        String errorCode,
        String errorMessage,
        Instant occurredAt) implements DomainEvent {

    public OutboundDeliveryUpdated {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(requestId, "requestId");
        Checks.notBlank(providerMessageId, "providerMessageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
