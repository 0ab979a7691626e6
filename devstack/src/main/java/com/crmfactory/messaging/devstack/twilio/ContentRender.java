package com.crmfactory.messaging.devstack.twilio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the customer's phone shows for a message sent with a {@code ContentSid}: the content type that fits the
 * channel (on WhatsApp the quick reply, list picker or media before plain text; on SMS the text), with every
 * {@code {{variable}}} filled from the message's {@code ContentVariables}, else the content's sample values
 * (Twilio falls back to those). The body becomes the Message resource's {@code body}, as at Twilio.
 */
final class ContentRender {

    private static final List<String> WHATSAPP_ORDER = List.of("twilio/quick-reply", "twilio/list-picker", "twilio/media", "twilio/text");
    private static final List<String> SMS_ORDER = List.of("twilio/text", "twilio/media", "twilio/quick-reply", "twilio/list-picker");

    private ContentRender() {
    }

    /** {@code {type, body, buttons?, button?, items?, media?}}, or null for an unknown content. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> render(Map<String, Object> content, String contentVariables, boolean whatsapp) {
        if (content == null || !(content.get("types") instanceof Map<?, ?> types) || types.isEmpty()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (content.get("variables") instanceof Map<?, ?> defaults) {
            defaults.forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
        }
        if (contentVariables != null && !contentVariables.isBlank()) {
            try {
                SimHttp.JSON.readValue(contentVariables, Map.class).forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
            } catch (RuntimeException malformed) {
                // Twilio refuses malformed ContentVariables at send time; the simulator shows the samples instead
            }
        }
        String type = (whatsapp ? WHATSAPP_ORDER : SMS_ORDER).stream().filter(types::containsKey).findFirst()
                .orElse(String.valueOf(types.keySet().iterator().next()));
        Map<String, Object> fields = (Map<String, Object>) types.get(type);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("type", type);
        shown.put("body", ContentRules.fill((String) fields.get("body"), values));
        if (fields.get("actions") instanceof List<?> actions) {
            List<Map<String, Object>> buttons = new ArrayList<>();
            for (Object action : actions) {
                Map<String, Object> a = (Map<String, Object>) action;
                Map<String, Object> button = new LinkedHashMap<>();
                button.put("id", ContentRules.fill((String) a.get("id"), values));
                button.put("title", ContentRules.fill((String) a.get("title"), values));
                buttons.add(button);
            }
            shown.put("buttons", buttons);
        }
        if (fields.get("items") instanceof List<?> items) {
            shown.put("button", ContentRules.fill((String) fields.get("button"), values));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object item : items) {
                Map<String, Object> i = (Map<String, Object>) item;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", ContentRules.fill((String) i.get("id"), values));
                row.put("item", ContentRules.fill((String) i.get("item"), values));
                row.put("description", ContentRules.fill((String) i.get("description"), values));
                rows.add(row);
            }
            shown.put("items", rows);
        }
        if (fields.get("media") instanceof List<?> media) {
            shown.put("media", media.stream().map(url -> ContentRules.fill(String.valueOf(url), values)).toList());
        }
        return shown;
    }
}
