package com.crmfactory.messaging.ingest.status;

import java.time.Clock;

import org.springframework.stereotype.Service;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.ingest.tenant.TenantRouter;
import com.crmfactory.messaging.ingest.webhook.AcknowledgedPublisher;
import com.crmfactory.messaging.ingest.webhook.TwilioWebhook;
import com.crmfactory.messaging.ingest.webhook.WebhookKind;
import com.crmfactory.messaging.ingest.webhook.WebhookMetrics;

/**
 * A delivery status callback becomes one {@link DeliveryStatusReported} on
 * {@code messaging.delivery-status.v1}, keyed by the {@code MessageSid} so one message's callbacks stay
 * in order. The org is the one that sent the message: found by {@code From}, else by Messaging Service.
 * Callbacks arrive repeated and out of order; consumers apply the forward-only rule.
 */
@Service
public class StatusCallbackService {

    private final TenantRouter tenants;
    private final AcknowledgedPublisher publisher;
    private final WebhookMetrics metrics;
    private final Clock clock;

    public StatusCallbackService(TenantRouter tenants, AcknowledgedPublisher publisher, WebhookMetrics metrics, Clock clock) {
        this.tenants = tenants;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    public DeliveryStatusReported accept(TwilioWebhook webhook) {
        webhook.required("MessageSid");
        StatusCallbackParser.providerStatus(webhook);
        String from = webhook.text("From");
        String messagingService = webhook.text("MessagingServiceSid");
        if (from == null && messagingService == null) {
            webhook.required("From"); // neither way to find the org: 400 naming From
        }
        String orgId = tenants.orgSending(from, messagingService);
        DeliveryStatusReported event = StatusCallbackParser.parse(webhook, orgId, clock.instant());
        publisher.publish(Topics.DELIVERY_STATUS, event.providerMessageId(), event);
        metrics.accepted(WebhookKind.STATUS, event.channel().wire());
        return event;
    }
}
