package com.crmfactory.messaging.automation.action;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.OutboundChannel;

import tools.jackson.databind.JsonNode;

/**
 * An action with its variables filled in: exactly what will be sent or done. Recorded as the step's
 * input and shown by dry runs; it holds personal data, so it is stored and returned but never logged.
 */
public sealed interface RenderedAction {

    String type();

    /** The fields as a JSON-ready map (absent values left out). */
    Map<String, Object> describe();

    record Message(String type, OutboundChannel channel, String to, String subject, String body, String templateKey,
            Map<String, String> templateVariables, String conversationKey, String sessionId) implements RenderedAction {

        public Map<String, Object> describe() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("channel", channel.wire());
            out.put("to", to);
            putIf(out, "subject", subject);
            putIf(out, "body", body);
            putIf(out, "templateKey", templateKey);
            putIf(out, "sessionId", sessionId);
            return out;
        }

        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }

    record Note(String sessionId, String conversationKey, String text) implements RenderedAction {

        public String type() {
            return "add_note";
        }

        public Map<String, Object> describe() {
            return Map.of("sessionId", sessionId, "text", text);
        }

        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }

    record Queue(String sessionId, String conversationKey, String queue) implements RenderedAction {

        public String type() {
            return "assign_queue";
        }

        public Map<String, Object> describe() {
            return Map.of("sessionId", sessionId, "queue", queue);
        }
    }

    record Http(String url, JsonNode body) implements RenderedAction {

        public String type() {
            return "http_request";
        }

        public Map<String, Object> describe() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("method", "POST");
            out.put("url", url);
            out.put("body", body);
            return out;
        }

        @Override
        public String toString() {
            return "Http[url=" + url + "]";
        }
    }

    record Pause(Duration duration) implements RenderedAction {

        public String type() {
            return "wait";
        }

        public Map<String, Object> describe() {
            return Map.of("duration", duration.toString());
        }
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
