package com.crmfactory.messaging.automation.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.crmfactory.messaging.events.Redacted;

/**
 * One event that may start automations, with the context the engine had when it arrived. Stored with
 * each run, so a run resumed after a wait renders the same values it would have rendered at once.
 *
 * @param eventId         the CloudEvents id of the record: with the automation id, a run's unique key
 * @param channel         the customer's channel as a trigger channel wire value (sms, mms, whatsapp, email,
 *                        voicemail), null when unknown (an order of a customer never seen)
 * @param conversationKey the conversation of the customer on that channel, when known
 * @param customerAddress the customer's address on that channel as the provider writes it
 * @param body            the customer's message text (message triggers)
 * @param payload         the trigger's own fields ({@code order_number}, {@code queue}, …) as variables
 * @param depth           0 for what customers and the ERP do; n when caused by an automation run at depth n - 1
 */
public record TriggerEvent(
        String eventId,
        String orgId,
        TriggerType type,
        String channel,
        String conversationKey,
        String customerAddress,
        String sessionId,
        Contact contact,
        String sessionIntent,
        String sessionStatus,
        String body,
        Map<String, Object> payload,
        int depth,
        Instant occurredAt) {

    public TriggerEvent {
        contact = contact == null ? Contact.UNKNOWN : contact;
        payload = payload == null ? Map.of() : new LinkedHashMap<>(payload);
    }

    /**
     * The values of every variable: the documented names first, then the payload's fields (nested maps as
     * {@code parent.child}); an unknown value is absent, never an empty text.
     */
    public Map<String, String> variables() {
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", payload, values);
        put(values, "contact.name", contact.name());
        put(values, "contact.phone", contact.phone());
        put(values, "contact.email", contact.email());
        put(values, "channel", channel);
        put(values, "session.id", sessionId);
        put(values, "session.intent", sessionIntent);
        put(values, "session.status", sessionStatus);
        put(values, "message.body", body);
        return values;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> into) {
        map.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, into);
            } else if (value != null) {
                put(into, name, String.valueOf(value));
            }
        });
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
        }
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
