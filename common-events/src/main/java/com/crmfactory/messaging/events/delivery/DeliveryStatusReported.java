package com.crmfactory.messaging.events.delivery;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A raw provider status callback, keyed by {@code providerMessageId} on {@code messaging.delivery-status.v1}.
 * Callbacks come unordered and repeated; consumers apply {@link DeliveryStatus#canMoveTo}.
 *
 * @param status         mapped with {@link DeliveryStatus#fromProvider}
 * @param providerStatus Twilio's {@code MessageStatus} as received, for diagnosis
 * @param errorCode      Twilio {@code ErrorCode} on failed/undelivered, e.g. "30003", "63016"
 * @param requestId      our outbound request id when the callback URL carried it
 */
@EventPayload
public record DeliveryStatusReported(
        String orgId,
        String providerMessageId,
        DeliveryStatus status,
        String providerStatus,
        String errorCode,
        String errorMessage,
        Channel channel,
        String from,
        String to,
        String requestId,
        Instant reportedAt) implements DomainEvent {

    public DeliveryStatusReported {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(providerMessageId, "providerMessageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }

    @Override
    public Instant occurredAt() {
        return reportedAt;
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
