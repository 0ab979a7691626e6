package com.crmfactory.messaging.ingest.email;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.TriggerChannel;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.ingest.tenant.TenantRouter;
import com.crmfactory.messaging.ingest.webhook.AcknowledgedPublisher;
import com.crmfactory.messaging.ingest.webhook.WebhookKind;
import com.crmfactory.messaging.ingest.webhook.WebhookMetrics;
import com.crmfactory.messaging.support.logging.LogMasking;

/**
 * An e-mail (SendGrid Inbound Parse) becomes one {@link MessageReceived} on channel {@code email}: the org by
 * the recipient address, then the org's own authentication (token or signature), then the event, published
 * before SendGrid gets its 2xx (SendGrid retries on 5xx, so Kafka down is a 503). A retried post carries the
 * same provider id and is stored once downstream.
 */
@Service
@EnableConfigurationProperties(EmailProperties.class)
public class InboundEmailService {

    private static final Logger log = LoggerFactory.getLogger(InboundEmailService.class);

    private final TenantRouter tenants;
    private final AcknowledgedPublisher publisher;
    private final WebhookMetrics metrics;
    private final EmailProperties properties;
    private final Clock clock;

    InboundEmailService(TenantRouter tenants, AcknowledgedPublisher publisher, WebhookMetrics metrics,
            EmailProperties properties, Clock clock) {
        this.tenants = tenants;
        this.publisher = publisher;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param pathToken the token of the URL path, or null on the signature-only URL
     */
    MessageReceived accept(ParsedEmailPost post, String pathToken, String signature, String timestamp) {
        List<String> recipients = InboundEmailParser.recipients(post);
        String orgId = tenants.orgReceivingEmail(recipients);
        EmailAuthenticator.authenticate(tenants.settingsOf(orgId), pathToken, signature, timestamp, post.rawBody());
        String orgAddress = recipients.stream().filter(address -> tenants.receivesEmail(orgId, address)).findFirst()
                .orElse(recipients.get(0));
        MessageReceived event = InboundEmailParser.parse(post, orgId, orgAddress, properties, clock.instant());
        publisher.publish(Topics.INBOUND, event.conversationKey().value(), event);
        metrics.accepted(WebhookKind.EMAIL, TriggerChannel.EMAIL.wire());
        if (post.files().size() > event.attachments().size()) {
            log.info("E-mail {} of org {}: {} attachments, {} listed (platform.webhooks.email.max-attachments)",
                    event.providerMessageId(), orgId, post.files().size(), event.attachments().size());
        }
        log.info("Published e-mail {} for org {} from {} ({}, {} attachments, bytes not kept)", event.providerMessageId(),
                orgId, LogMasking.mask(event.from()), LogMasking.body(event.body()), event.attachments().size());
        return event;
    }
}
