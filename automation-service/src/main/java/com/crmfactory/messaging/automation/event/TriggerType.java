package com.crmfactory.messaging.automation.event;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What starts an automation, with the variables each trigger can provide. A definition that uses a
 * variable its trigger cannot provide is refused when saved; {@code order_status_changed} also carries
 * the ERP's free-form attributes, so any further name is accepted there.
 */
public enum TriggerType {
    SMS_RECEIVED("sms_received"),
    CHANNEL_MESSAGE_RECEIVED("channel_message_received"),
    CONVERSATION_ESCALATED("conversation_escalated"),
    SESSION_COMPLETED("session_completed"),
    SESSION_EXPIRED("session_expired"),
    DELIVERY_FAILED("delivery_failed"),
    ORDER_STATUS_CHANGED("order_status_changed");

    /** Every trigger knows the customer, the channel and (when there is one) the session. */
    private static final Set<String> COMMON = Set.of("contact.name", "contact.phone", "contact.email", "channel",
            "session.id", "session.intent", "session.status");
    private static final Set<String> MESSAGE = Set.of("message.body", "body", "from", "to", "subject", "profileName",
            "providerMessageId", "triggerChannel");
    private static final Set<String> ESCALATION = Set.of("queue", "reason", "intent", "summary", "escalatedBy");
    private static final Set<String> CLOSING = Set.of("status", "closedBy");
    private static final Set<String> DELIVERY = Set.of("requestId", "code", "reason", "status", "errorCode",
            "errorMessage", "providerErrorCode");
    private static final Set<String> ORDER = Set.of("order_number", "status", "previous_status", "orderNumber",
            "previousStatus", "customerName", "customerPhone", "customerEmail");

    private final String wire;

    TriggerType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<TriggerType> fromWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(TriggerType::wire).collect(Collectors.joining(", "));
    }

    /** Triggered by a customer's message (the only ones that can carry {@code message.body}). */
    public boolean isMessage() {
        return this == SMS_RECEIVED || this == CHANNEL_MESSAGE_RECEIVED;
    }

    /** Whether {@code variable} can have a value for this trigger. */
    public boolean provides(String variable) {
        if (COMMON.contains(variable) || specific().contains(variable)) {
            return true;
        }
        // the ERP's other body fields, as sent: not known in advance
        return this == ORDER_STATUS_CHANGED;
    }

    private Set<String> specific() {
        return switch (this) {
            case SMS_RECEIVED, CHANNEL_MESSAGE_RECEIVED -> MESSAGE;
            case CONVERSATION_ESCALATED -> ESCALATION;
            case SESSION_COMPLETED, SESSION_EXPIRED -> CLOSING;
            case DELIVERY_FAILED -> DELIVERY;
            case ORDER_STATUS_CHANGED -> ORDER;
        };
    }

    /** The variables this trigger provides, for error messages. */
    public Set<String> variables() {
        return Stream.concat(COMMON.stream(), specific().stream()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
