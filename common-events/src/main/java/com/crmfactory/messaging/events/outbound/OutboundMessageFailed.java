package com.crmfactory.messaging.events.outbound;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * The request will not be sent (nothing reached the customer). Final for this request id.
 *
 * @param code              machine-readable: "template_required", "opted_out", "invalid_recipient",
 *                          "rate_limited", "provider_error", …
 * @param reason            readable text for people, e.g. "WhatsApp window closed: use an approved template"
 * @param retryable         whether a new request with the same content may succeed later
 * @param providerErrorCode Twilio's error code when the provider refused, e.g. "21610"
 */
@EventPayload
public record OutboundMessageFailed(
        String orgId,
        String requestId,
        String sessionId,
        Channel channel,
        String code,
        String reason,
        boolean retryable,
        String providerErrorCode,
        Instant occurredAt) implements DomainEvent {

    public OutboundMessageFailed {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(requestId, "requestId");
        Checks.notBlank(code, "code");
        Checks.notBlank(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
