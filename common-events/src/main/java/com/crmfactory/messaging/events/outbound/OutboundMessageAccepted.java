package com.crmfactory.messaging.events.outbound;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * The provider accepted the request (Twilio answered 201). Delivery follows as
 * {@link OutboundDeliveryUpdated}.
 *
 * @param channel the resolved channel ({@code originating} is never reported back)
 * @param from    the sender number actually used
 * @param status  the provider's initial status, usually queued
 */
@EventPayload
public record OutboundMessageAccepted(
        String orgId,
        String requestId,
        String sessionId,
        Channel channel,
        String providerMessageId,
        String from,
        String to,
        DeliveryStatus status,
        Instant occurredAt) implements DomainEvent {

    public OutboundMessageAccepted {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(requestId, "requestId");
        Objects.requireNonNull(channel, "channel");
        Checks.notBlank(providerMessageId, "providerMessageId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
