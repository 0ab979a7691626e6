package com.crmfactory.messaging.events.erp;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An order in the org's ERP moved to a new status, as the ERP told webhook-ingest-service through the
 * signed order-status webhook. Automations use it to tell the customer (trigger
 * {@code order_status_changed}, variables {@code {{order_number}}} and {@code {{status}}}).
 *
 * @param status         the new status as the ERP names it, e.g. "shipped"
 * @param previousStatus the status before, when the ERP says so
 * @param customerPhone  E.164; at least one of phone and e-mail is present
 * @param attributes     every other field of the webhook body, as sent (e.g. carrier, trackingUrl)
 */
@EventPayload
public record OrderStatusChanged(
        String orgId,
        String orderNumber,
        String status,
        String previousStatus,
        String customerPhone,
        String customerEmail,
        String customerName,
        Map<String, Object> attributes,
        Instant occurredAt) implements DomainEvent {

    public OrderStatusChanged {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(orderNumber, "orderNumber");
        Checks.notBlank(status, "status");
        if (isBlank(customerPhone) && isBlank(customerEmail)) {
            throw new IllegalArgumentException("an order status change needs the customer's phone or e-mail");
        }
        attributes = Checks.mapOf(attributes);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
