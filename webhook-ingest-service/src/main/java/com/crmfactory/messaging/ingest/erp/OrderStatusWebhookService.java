package com.crmfactory.messaging.ingest.erp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.erp.OrderStatusChanged;
import com.crmfactory.messaging.ingest.tenant.TenantRouter;
import com.crmfactory.messaging.ingest.webhook.AcknowledgedPublisher;
import com.crmfactory.messaging.ingest.webhook.WebhookKind;
import com.crmfactory.messaging.ingest.webhook.WebhookMetrics;
import com.crmfactory.messaging.ingest.webhook.WebhookRejectedException;
import com.crmfactory.messaging.support.web.ErpWebhookSecret;
import com.crmfactory.messaging.support.web.OrgContextToken;

/**
 * An ERP's order status change becomes one {@link OrderStatusChanged} on {@code erp.order-status.v1}: signature
 * first (the org's secret is derived, so it can be checked before anything about the org is revealed), then the
 * org, then the body, then the event, published before the ERP gets its 202. Its {@code ce_id} is derived from
 * what was signed, so a retried webhook is the same event for every consumer.
 */
@Service
class OrderStatusWebhookService {

    private static final Logger log = LoggerFactory.getLogger(OrderStatusWebhookService.class);

    private final ErpSignatureVerifier verifier;
    private final TenantRouter tenants;
    private final AcknowledgedPublisher publisher;
    private final WebhookMetrics metrics;

    OrderStatusWebhookService(ErpSignatureVerifier verifier, TenantRouter tenants, AcknowledgedPublisher publisher,
            WebhookMetrics metrics) {
        this.verifier = verifier;
        this.tenants = tenants;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** @return the published event's {@code ce_id} */
    String accept(String orgId, String timestamp, String signature, byte[] rawBody) {
        if (orgId == null || !OrgContextToken.isValidOrgId(orgId)) {
            throw WebhookRejectedException.unauthenticated(ErpWebhookSecret.ORG_HEADER,
                    ErpWebhookSecret.ORG_HEADER + " is missing or not an org id.");
        }
        Instant sentAt = verifier.verify(orgId, timestamp, signature, rawBody);
        tenants.requireActiveOrg(ErpWebhookSecret.ORG_HEADER, orgId);
        OrderStatusChanged event = OrderStatusParser.parse(orgId, rawBody, sentAt);
        String id = eventId(event, timestamp, OrderStatusParser.eventId(rawBody));
        publisher.publish(Topics.ERP_ORDER_STATUS, orgId + ":" + event.orderNumber(), event, id);
        metrics.accepted(WebhookKind.ERP, "order_status");
        log.info("Published order status change of order {} to {} for org {} (event {})", event.orderNumber(),
                event.status(), orgId, id);
        return id;
    }

    /**
     * A name-based UUID of the org and either the ERP's own signed {@code eventId} or (order, status, timestamp):
     * the same signed request, however often retried, is one event; two orgs never share an id.
     */
    static String eventId(OrderStatusChanged event, String timestamp, String erpEventId) {
        String name = erpEventId != null
                ? "erp-order-status\n" + event.orgId() + "\nid\n" + erpEventId
                : "erp-order-status\n" + event.orgId() + "\n" + event.orderNumber() + "\n" + event.status() + "\n" + timestamp;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
