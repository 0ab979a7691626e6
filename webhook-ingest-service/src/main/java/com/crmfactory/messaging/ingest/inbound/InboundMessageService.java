package com.crmfactory.messaging.ingest.inbound;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.ingest.tenant.TenantRouter;
import com.crmfactory.messaging.ingest.webhook.AcknowledgedPublisher;
import com.crmfactory.messaging.ingest.webhook.TwilioWebhook;
import com.crmfactory.messaging.ingest.webhook.WebhookKind;
import com.crmfactory.messaging.ingest.webhook.WebhookMetrics;

/**
 * An inbound message becomes one {@link MessageReceived} on {@code messaging.inbound.v1}, keyed by its
 * conversation key so a conversation's messages stay in order, published before Twilio gets its answer.
 * Twilio retries of the same {@code MessageSid} are published again: conversation-service stores a
 * message once per {@code MessageSid}.
 */
@Service
public class InboundMessageService {

    private static final Logger log = LoggerFactory.getLogger(InboundMessageService.class);

    private final TenantRouter tenants;
    private final AcknowledgedPublisher publisher;
    private final WebhookMetrics metrics;
    private final Clock clock;

    public InboundMessageService(TenantRouter tenants, AcknowledgedPublisher publisher, WebhookMetrics metrics, Clock clock) {
        this.tenants = tenants;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    public MessageReceived accept(TwilioWebhook webhook) {
        webhook.required("MessageSid");
        webhook.required("From");
        String orgId = tenants.orgReceivingOn("To", webhook.required("To"));
        MessageReceived event = InboundMessageParser.parse(webhook, orgId, clock.instant());
        publisher.publish(Topics.INBOUND, event.conversationKey().value(), event);
        metrics.accepted(WebhookKind.MESSAGE, event.triggerChannel().wire());
        log.debug("Published {} {} for org {}", event.triggerChannel().wire(), event.providerMessageId(), orgId);
        return event;
    }
}
