package com.crmfactory.messaging.outbound.message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.InteractiveKind;
import com.crmfactory.messaging.outbound.twilio.TwilioMessagingClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Interactive messages go out as Twilio Content resources (quick reply, list picker, with a text
 * fallback). Each distinct content is created once and its HX sid remembered by content hash.
 */
@Component
class InteractiveContents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final TwilioMessagingClient twilio;

    InteractiveContents(JdbcTemplate jdbc, TwilioMessagingClient twilio) {
        this.jdbc = jdbc;
        this.twilio = twilio;
    }

    String contentSidFor(Interactive interactive) {
        String json = JSON.writeValueAsString(content(interactive));
        String hash = sha256(json);
        List<String> known = jdbc.queryForList("SELECT content_sid FROM interactive_content WHERE content_hash = ?",
                String.class, hash);
        if (!known.isEmpty()) {
            return known.get(0);
        }
        String sid = twilio.createContent(json.replace("__NAME__", "omni_" + hash.substring(0, 12)));
        jdbc.update("INSERT INTO interactive_content (content_hash, content_sid) VALUES (?, ?) ON CONFLICT DO NOTHING",
                hash, sid);
        return sid;
    }

    static Map<String, Object> content(Interactive interactive) {
        Map<String, Object> types = new LinkedHashMap<>();
        if (interactive.kind() == InteractiveKind.QUICK_REPLY) {
            types.put("twilio/quick-reply", Map.of("body", interactive.body(), "actions", interactive.options().stream()
                    .map(o -> Map.of("title", o.title(), "id", o.id())).toList()));
        } else {
            types.put("twilio/list-picker", Map.of("body", interactive.body(), "button", interactive.buttonLabel(),
                    "items", interactive.options().stream().map(o -> {
                        Map<String, String> item = new LinkedHashMap<>();
                        item.put("id", o.id());
                        item.put("item", o.title());
                        if (o.description() != null) {
                            item.put("description", o.description());
                        }
                        return item;
                    }).toList()));
        }
        types.put("twilio/text", Map.of("body", SendPolicy.optionsText(interactive)));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("friendly_name", "__NAME__");
        content.put("language", "en");
        content.put("types", types);
        return content;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
