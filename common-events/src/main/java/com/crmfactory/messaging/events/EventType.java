package com.crmfactory.messaging.events;

import com.crmfactory.messaging.events.agent.EscalationRequested;
import com.crmfactory.messaging.events.agent.InsightsUpdated;
import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.events.command.NoteAddRequested;
import com.crmfactory.messaging.events.command.QueueAssignmentRequested;
import com.crmfactory.messaging.events.conversation.MessageRecorded;
import com.crmfactory.messaging.events.conversation.SessionAssigned;
import com.crmfactory.messaging.events.conversation.SessionClosed;
import com.crmfactory.messaging.events.conversation.SessionEscalated;
import com.crmfactory.messaging.events.conversation.SessionInsightsUpdated;
import com.crmfactory.messaging.events.conversation.SessionNoteAdded;
import com.crmfactory.messaging.events.conversation.SessionOpened;
import com.crmfactory.messaging.events.conversation.SessionStatusChanged;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.events.erp.OrderStatusChanged;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.outbound.CustomerOptOutChanged;
import com.crmfactory.messaging.events.outbound.OutboundDeliveryUpdated;
import com.crmfactory.messaging.events.outbound.OutboundMessageAccepted;
import com.crmfactory.messaging.events.outbound.OutboundMessageFailed;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.events.template.TemplateDeleted;
import com.crmfactory.messaging.events.template.TemplateUpserted;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of every event type: its CloudEvents type ({@code ce_type}), topic, record class and
 * JSON Schema. Producers take the type from here; consumers decode a record by its {@code ce_type} and
 * skip types they do not know ({@link #classOf} is empty for them).
 */
public enum EventType {
    MESSAGE_RECEIVED("inbound", "message-received", Topics.INBOUND, MessageReceived.class),
    DELIVERY_STATUS_REPORTED("delivery", "delivery-status-reported", Topics.DELIVERY_STATUS,
            DeliveryStatusReported.class),
    SESSION_OPENED("conversation", "session-opened", Topics.CONVERSATION_EVENTS, SessionOpened.class),
    MESSAGE_RECORDED("conversation", "message-recorded", Topics.CONVERSATION_EVENTS, MessageRecorded.class),
    SESSION_STATUS_CHANGED("conversation", "session-status-changed", Topics.CONVERSATION_EVENTS,
            SessionStatusChanged.class),
    SESSION_ESCALATED("conversation", "session-escalated", Topics.CONVERSATION_EVENTS, SessionEscalated.class),
    SESSION_ASSIGNED("conversation", "session-assigned", Topics.CONVERSATION_EVENTS, SessionAssigned.class),
    SESSION_INSIGHTS_UPDATED("conversation", "session-insights-updated", Topics.CONVERSATION_EVENTS,
            SessionInsightsUpdated.class),
    SESSION_CLOSED("conversation", "session-closed", Topics.CONVERSATION_EVENTS, SessionClosed.class),
    SESSION_NOTE_ADDED("conversation", "session-note-added", Topics.CONVERSATION_EVENTS, SessionNoteAdded.class),
    REPLY_PROPOSED("agent", "reply-proposed", Topics.AGENT_ACTIONS, ReplyProposed.class),
    ESCALATION_REQUESTED("agent", "escalation-requested", Topics.AGENT_ACTIONS, EscalationRequested.class),
    INSIGHTS_UPDATED("agent", "insights-updated", Topics.AGENT_ACTIONS, InsightsUpdated.class),
    OUTBOUND_MESSAGE_REQUESTED("outbound", "outbound-message-requested", Topics.OUTBOUND_REQUESTS,
            OutboundMessageRequested.class),
    OUTBOUND_MESSAGE_ACCEPTED("outbound", "outbound-message-accepted", Topics.OUTBOUND_RESULTS,
            OutboundMessageAccepted.class),
    OUTBOUND_MESSAGE_FAILED("outbound", "outbound-message-failed", Topics.OUTBOUND_RESULTS,
            OutboundMessageFailed.class),
    OUTBOUND_DELIVERY_UPDATED("outbound", "outbound-delivery-updated", Topics.OUTBOUND_RESULTS,
            OutboundDeliveryUpdated.class),
    CUSTOMER_OPT_OUT_CHANGED("outbound", "customer-opt-out-changed", Topics.OUTBOUND_RESULTS,
            CustomerOptOutChanged.class),
    TEMPLATE_UPSERTED("template", "template-upserted", Topics.TEMPLATES_CATALOG, TemplateUpserted.class),
    TEMPLATE_DELETED("template", "template-deleted", Topics.TEMPLATES_CATALOG, TemplateDeleted.class),
    TENANT_UPSERTED("tenant", "tenant-upserted", Topics.PLATFORM_TENANTS, TenantUpserted.class),
    ORDER_STATUS_CHANGED("erp", "order-status-changed", Topics.ERP_ORDER_STATUS, OrderStatusChanged.class),
    NOTE_ADD_REQUESTED("command", "note-add-requested", Topics.CONVERSATION_COMMANDS, NoteAddRequested.class),
    QUEUE_ASSIGNMENT_REQUESTED("command", "queue-assignment-requested", Topics.CONVERSATION_COMMANDS,
            QueueAssignmentRequested.class);

    public static final String TYPE_PREFIX = "com.crmfactory.messaging.";
    /** Major version of every type in this registry; a breaking change is a new type and a new topic. */
    public static final String VERSION = "v1";
    /** Classpath folder of the JSON Schemas (shared definitions live in {@code common.schema.json}). */
    public static final String SCHEMA_DIRECTORY = "com/crmfactory/messaging/events/schemas/";
    /** Classpath location of the AsyncAPI document describing every topic. */
    public static final String ASYNCAPI_PATH = "com/crmfactory/messaging/events/asyncapi.yaml";

    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private final String domain;
    private final String eventName;
    private final String topic;
    private final Class<? extends DomainEvent> recordClass;

    EventType(String domain, String eventName, String topic, Class<? extends DomainEvent> recordClass) {
        this.domain = domain;
        this.eventName = eventName;
        this.topic = topic;
        this.recordClass = recordClass;
    }

    /** {@code inbound}, {@code conversation}, …: also the sub-package of the record. */
    public String domain() {
        return domain;
    }

    /** Kebab-case name, e.g. {@code message-recorded}; also names the schema and golden sample. */
    public String eventName() {
        return eventName;
    }

    /** The {@code ce_type} header value, e.g. {@code com.crmfactory.messaging.conversation.message-recorded.v1}. */
    public String type() {
        return TYPE_PREFIX + domain + "." + eventName + "." + VERSION;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends DomainEvent> recordClass() {
        return recordClass;
    }

    /** Classpath resource of the JSON Schema of this event. */
    public String schemaPath() {
        return SCHEMA_DIRECTORY + eventName + ".schema.json";
    }

    public static Optional<EventType> fromType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_TYPE::get);
    }

    public static Optional<EventType> fromClass(Class<?> recordClass) {
        return Optional.ofNullable(recordClass).map(BY_CLASS::get);
    }

    /** The record class to decode a value with, or empty for a type this version does not know. */
    public static Optional<Class<? extends DomainEvent>> classOf(String ceType) {
        return fromType(ceType).map(EventType::recordClass);
    }

    /** The {@code ce_type} of a record class; a class outside the registry is a programming error. */
    public static String typeOf(Class<? extends DomainEvent> recordClass) {
        return of(recordClass).type();
    }

    public static EventType of(DomainEvent event) {
        return of(Objects.requireNonNull(event, "event").getClass());
    }

    private static EventType of(Class<?> recordClass) {
        return fromClass(recordClass)
                .orElseThrow(() -> new IllegalArgumentException("not a registered event type: " + recordClass));
    }

    public static List<EventType> onTopic(String topic) {
        return Arrays.stream(values()).filter(type -> type.topic.equals(topic)).toList();
    }
}
