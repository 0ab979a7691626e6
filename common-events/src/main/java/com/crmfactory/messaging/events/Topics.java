package com.crmfactory.messaging.events;

import java.util.List;
import java.util.Objects;

/**
 * Kafka topic names. They are public API ({@code <domain>.<stream>.v<major>}) and are never derived
 * from Java class names, so renaming a record can never move its events to another topic.
 */
public final class Topics {

    /** MessageReceived; key: conversation key. */
    public static final String INBOUND = "messaging.inbound.v1";
    /** DeliveryStatusReported; key: provider message id (Twilio MessageSid). */
    public static final String DELIVERY_STATUS = "messaging.delivery-status.v1";
    /** Session lifecycle and recorded messages; key: conversation key. */
    public static final String CONVERSATION_EVENTS = "conversation.events.v1";
    /** What the AI agent proposes; key: conversation key. */
    public static final String AGENT_ACTIONS = "agent.actions.v1";
    /** OutboundMessageRequested; key: conversation key. */
    public static final String OUTBOUND_REQUESTS = "messaging.outbound.requests.v1";
    /** Send results and delivery updates; key: conversation key. */
    public static final String OUTBOUND_RESULTS = "messaging.outbound.results.v1";
    /** Template catalogue, compacted; key: template id. */
    public static final String TEMPLATES_CATALOG = "templates.catalog.v1";
    /** Tenant directory, compacted; key: org id. */
    public static final String PLATFORM_TENANTS = "platform.tenants.v1";
    /** OrderStatusChanged from the ERP's signed webhook; key: {@code orgId:orderNumber}. */
    public static final String ERP_ORDER_STATUS = "erp.order-status.v1";
    /** Commands to conversation-service (add a note, assign a queue); key: conversation key. */
    public static final String CONVERSATION_COMMANDS = "conversation.commands.v1";

    private static final List<String> ALL = List.of(INBOUND, DELIVERY_STATUS, CONVERSATION_EVENTS,
            AGENT_ACTIONS, OUTBOUND_REQUESTS, OUTBOUND_RESULTS, TEMPLATES_CATALOG, PLATFORM_TENANTS, ERP_ORDER_STATUS,
            CONVERSATION_COMMANDS);

    private static final List<String> COMPACTED = List.of(TEMPLATES_CATALOG, PLATFORM_TENANTS);

    private Topics() {
    }

    /** Every topic above, in declaration order (for topic creation and tests). */
    public static List<String> all() {
        return ALL;
    }

    /** Whether the topic holds latest-state-per-key (cleanup.policy=compact) rather than a history. */
    public static boolean isCompacted(String topic) {
        return COMPACTED.contains(topic);
    }

    /**
     * The dead-letter topic of one consumer for one source topic: {@code <service>.dlt.<topic>}.
     * Per consumer, because two services may fail on the same record for different reasons.
     */
    public static String deadLetter(String service, String topic) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(topic, "topic");
        if (service.isBlank() || topic.isBlank()) {
            throw new IllegalArgumentException("service and topic must not be blank");
        }
        return service + ".dlt." + topic;
    }
}
