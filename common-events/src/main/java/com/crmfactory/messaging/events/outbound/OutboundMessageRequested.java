package com.crmfactory.messaging.events.outbound;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.EmailThreading;
import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.common.TemplateRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Please send this message. Outbound sends each {@code requestId} at most once, whatever the number of
 * deliveries of this event. At least one of body, media, template or interactive is present.
 *
 * @param requestId             the idempotency key of the send, chosen by the requester
 * @param sessionId             the session it belongs to; required when channel is {@code originating}
 * @param to                    recipient as the provider writes it ({@code whatsapp:+…}) or an e-mail address
 * @param subject               e-mail only
 * @param allowTemplateFallback outside the WhatsApp window, send the org's fallback template instead of failing
 * @param requestedBy           agent user id, automation/workflow id, or AI proposal id
 * @param email                 e-mail only: {@code In-Reply-To}/{@code References} of the customer's message it answers
 */
@EventPayload
public record OutboundMessageRequested(
        String orgId,
        String requestId,
        Origin origin,
        String sessionId,
        OutboundChannel channel,
        String to,
        String subject,
        String body,
        List<Media> media,
        TemplateRef template,
        Interactive interactive,
        Boolean allowTemplateFallback,
        String requestedBy,
        Instant occurredAt,
        EmailThreading email) implements DomainEvent {

    /** A request without e-mail threading (every channel but e-mail replies). */
    public OutboundMessageRequested(String orgId, String requestId, Origin origin, String sessionId,
            OutboundChannel channel, String to, String subject, String body, List<Media> media, TemplateRef template,
            Interactive interactive, Boolean allowTemplateFallback, String requestedBy, Instant occurredAt) {
        this(orgId, requestId, origin, sessionId, channel, to, subject, body, media, template, interactive,
                allowTemplateFallback, requestedBy, occurredAt, null);
    }

    public OutboundMessageRequested {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(requestId, "requestId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(channel, "channel");
        if (channel == OutboundChannel.ORIGINATING && sessionId == null) {
            throw new IllegalArgumentException("channel originating needs a sessionId");
        }
        Checks.notBlank(to, "to");
        media = Checks.listOf(media);
        if ((body == null || body.isBlank()) && media.isEmpty() && template == null && interactive == null) {
            throw new IllegalArgumentException("a message needs body, media, template or interactive");
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
