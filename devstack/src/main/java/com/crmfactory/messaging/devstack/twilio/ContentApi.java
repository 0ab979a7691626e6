package com.crmfactory.messaging.devstack.twilio;

import static com.crmfactory.messaging.devstack.twilio.SimHttp.error;
import static com.crmfactory.messaging.devstack.twilio.SimHttp.json;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpExchange;

/**
 * Twilio's Content API ({@code /v1/Content}): JSON bodies, ISO-8601 dates. WhatsApp approval requests
 * are approved at once unless the name contains "reject".
 */
final class ContentApi {

    private static final String BASE = "https://content.twilio.com/v1/Content/";

    private final String accountSid;
    private final Map<String, Map<String, Object>> contents = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> approvals = new ConcurrentHashMap<>();

    ContentApi(String accountSid) {
        this.accountSid = accountSid;
    }

    @SuppressWarnings("unchecked")
    void handle(HttpExchange ex, String path, String method) throws IOException {
        String[] p = path.split("/");  // "", v1, Content, {sid}, ApprovalRequests, whatsapp
        if (p.length == 3 && method.equals("POST")) {
            Map<String, Object> req = SimHttp.JSON.readValue(SimHttp.body(ex), Map.class);
            if (req.get("language") == null || req.get("types") == null) {
                error(ex, 400, 20001, "Missing required parameter " + (req.get("language") == null ? "language" : "types"));
                return;
            }
            String sid = "HX" + HexFormat.of().formatHex(random());
            String now = Instant.now().toString();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("date_created", now);
            c.put("date_updated", now);
            c.put("sid", sid);
            c.put("account_sid", accountSid);
            c.put("friendly_name", req.get("friendly_name"));
            c.put("language", req.get("language"));
            c.put("variables", req.getOrDefault("variables", Map.of()));
            c.put("types", req.get("types"));
            c.put("url", BASE + sid);
            c.put("links", Map.of("approval_create", BASE + sid + "/ApprovalRequests/whatsapp",
                    "approval_fetch", BASE + sid + "/ApprovalRequests"));
            contents.put(sid, c);
            json(ex, 201, c);
        } else if (p.length == 3 && method.equals("GET")) {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("contents", new ArrayList<>(contents.values()));
            page.put("meta", Map.of("page", 0, "page_size", 50, "first_page_url", BASE + "?PageSize=50&Page=0",
                    "url", BASE + "?PageSize=50&Page=0", "key", "contents"));
            json(ex, 200, page);
        } else if (p.length >= 4 && !contents.containsKey(p[3])) {
            error(ex, 404, 20404, "The requested resource " + path + " was not found");
        } else if (p.length == 4 && method.equals("GET")) {
            json(ex, 200, contents.get(p[3]));
        } else if (p.length == 4 && method.equals("DELETE")) {
            contents.remove(p[3]);
            SimHttp.send(ex, 204, "application/json", "");
        } else if (p.length == 6 && p[4].equals("ApprovalRequests") && method.equals("POST")) {
            Map<String, Object> req = SimHttp.JSON.readValue(SimHttp.body(ex), Map.class);
            String name = String.valueOf(req.get("name"));
            Map<String, Object> whatsapp = new LinkedHashMap<>();
            whatsapp.put("name", name);
            whatsapp.put("category", req.get("category"));
            whatsapp.put("content_type", firstType(contents.get(p[3])));
            whatsapp.put("status", name.contains("reject") ? "rejected" : "approved");
            whatsapp.put("rejection_reason", name.contains("reject") ? "simulated rejection" : "");
            whatsapp.put("allow_category_change", req.getOrDefault("allow_category_change", true));
            approvals.put(p[3], whatsapp);
            json(ex, 201, whatsapp);
        } else if (p.length == 5 && p[4].equals("ApprovalRequests") && method.equals("GET")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sid", p[3]);
            body.put("account_sid", accountSid);
            body.put("whatsapp", approvals.getOrDefault(p[3], Map.of("status", "unsubmitted", "name", "",
                    "category", "", "content_type", firstType(contents.get(p[3])), "rejection_reason", "")));
            body.put("url", BASE + p[3] + "/ApprovalRequests");
            json(ex, 200, body);
        } else {
            error(ex, 404, 20404, "The requested resource " + path + " was not found");
        }
    }

    /** Pre-registers content (e.g. the TWILIO_TPL_* SIDs of the devstack) as approved. */
    void approve(String sid) {
        contents.putIfAbsent(sid, new LinkedHashMap<>(Map.of("sid", sid, "account_sid", accountSid, "language", "en",
                "types", Map.of("twilio/text", Map.of("body", "")))));
        approvals.put(sid, new LinkedHashMap<>(Map.of("name", "builtin", "category", "UTILITY", "content_type", "twilio/text",
                "status", "approved", "rejection_reason", "", "allow_category_change", true)));
    }

    @SuppressWarnings("unchecked")
    private static String firstType(Map<String, Object> content) {
        Object types = content == null ? null : content.get("types");
        return types instanceof Map<?, ?> map && !map.isEmpty() ? String.valueOf(((Map<String, Object>) map).keySet().iterator().next()) : "twilio/text";
    }

    private static byte[] random() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    List<String> sids() {
        return List.copyOf(contents.keySet());
    }
}
