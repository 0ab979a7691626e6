package com.crmfactory.messaging.ingest.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} text exactly: {@code +} is a space, percent escapes
 * are UTF-8 (the only encoding that media type has), empty values stay empty strings and unknown keys are
 * kept, because Twilio's signature covers every parameter exactly as sent. Nothing is trimmed.
 */
final class FormDecoder {

    private FormDecoder() {
    }

    /**
     * @param strict a repeated name is an error (a webhook body: Twilio never repeats one, and the
     *               signature could not cover both); otherwise the first occurrence wins (a query string)
     * @throws WebhookRejectedException 400 for a malformed escape or a repeated name, naming {@code field}
     */
    static Map<String, String> decode(String form, boolean strict, String field) {
        if (form == null || form.isEmpty()) {
            return Map.of();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeComponent(eq < 0 ? pair : pair.substring(0, eq), field);
            String value = eq < 0 ? "" : decodeComponent(pair.substring(eq + 1), field);
            if (params.putIfAbsent(name, value) != null && strict) {
                throw WebhookRejectedException.badRequest(name, "Parameter " + name + " is repeated.");
            }
        }
        return Collections.unmodifiableMap(params);
    }

    private static String decodeComponent(String text, String field) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw WebhookRejectedException.badRequest(field, "The " + field + " is not valid form encoding: " + e.getMessage());
        }
    }
}
