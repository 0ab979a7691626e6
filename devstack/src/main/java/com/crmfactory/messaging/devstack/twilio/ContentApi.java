package com.crmfactory.messaging.devstack.twilio;

import static com.crmfactory.messaging.devstack.twilio.SimHttp.error;
import static com.crmfactory.messaging.devstack.twilio.SimHttp.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpExchange;

/**
 * Twilio's Content API ({@code /v1/Content}): JSON bodies, ISO-8601 dates, paged lists. Requests are checked
 * as Twilio checks them ({@link ContentRules}: required fields, field types, known content types, limits),
 * answering Twilio's 400 error shape. WhatsApp approval requests are approved at once unless the name
 * contains "reject"; a list picker cannot be submitted, nor a content twice. With a data file
 * ({@code SIMULATOR_DATA_DIR}) the contents and approvals survive restarts, as they do at Twilio, so SIDs a
 * service stored keep working across {@code ./omni down} / {@code up}.
 */
final class ContentApi {

    private static final String BASE = "https://content.twilio.com/v1/Content";

    private final String accountSid;
    private final Path dataFile;
    private final Map<String, Map<String, Object>> contents = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> approvals = new ConcurrentHashMap<>();

    ContentApi(String accountSid, Path dataFile) {
        this.accountSid = accountSid;
        this.dataFile = dataFile;
        load();
    }

    @SuppressWarnings("unchecked")
    void handle(HttpExchange ex, String path, String method) throws IOException {
        String[] p = path.split("/");  // "", v1, Content, {sid}, ApprovalRequests, whatsapp
        if (p.length == 3 && method.equals("POST")) {
            create(ex, SimHttp.body(ex));
        } else if (p.length == 3 && method.equals("GET")) {
            list(ex, SimHttp.form(ex.getRequestURI().getRawQuery()));
        } else if (p.length >= 4 && !contents.containsKey(p[3])) {
            error(ex, 404, 20404, "The requested resource " + path + " was not found");
        } else if (p.length == 4 && method.equals("GET")) {
            json(ex, 200, contents.get(p[3]));
        } else if (p.length == 4 && method.equals("DELETE")) {
            contents.remove(p[3]);
            approvals.remove(p[3]);
            save();
            SimHttp.send(ex, 204, "application/json", "");
        } else if (p.length == 6 && p[4].equals("ApprovalRequests") && p[5].equals("whatsapp") && method.equals("POST")) {
            submit(ex, p[3], SimHttp.body(ex));
        } else if (p.length == 5 && p[4].equals("ApprovalRequests") && method.equals("GET")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sid", p[3]);
            body.put("account_sid", accountSid);
            body.put("whatsapp", approvals.getOrDefault(p[3], Map.of("status", "unsubmitted", "name", "",
                    "category", "", "content_type", firstType(contents.get(p[3])), "rejection_reason", "")));
            body.put("url", BASE + "/" + p[3] + "/ApprovalRequests");
            json(ex, 200, body);
        } else {
            error(ex, 404, 20404, "The requested resource " + path + " was not found");
        }
    }

    @SuppressWarnings("unchecked")
    private void create(HttpExchange ex, String body) throws IOException {
        Object parsed;
        try {
            parsed = SimHttp.JSON.readValue(body, Object.class);
        } catch (RuntimeException e) {
            error(ex, 400, 20001, "The request body is not JSON");
            return;
        }
        String problem = ContentRules.checkCreate(parsed);
        if (problem != null) {
            error(ex, 400, 20001, problem);
            return;
        }
        Map<String, Object> req = (Map<String, Object>) parsed;
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
        c.put("url", BASE + "/" + sid);
        c.put("links", Map.of("approval_create", BASE + "/" + sid + "/ApprovalRequests/whatsapp",
                "approval_fetch", BASE + "/" + sid + "/ApprovalRequests"));
        contents.put(sid, c);
        save();
        json(ex, 201, c);
    }

    /** Oldest first, {@code PageSize} (1–500, default 50) and {@code Page}, with Twilio's {@code meta}. */
    private void list(HttpExchange ex, Map<String, List<String>> query) throws IOException {
        int size;
        int page;
        try {
            size = Integer.parseInt(SimHttp.first(query, "PageSize") == null ? "50" : SimHttp.first(query, "PageSize"));
            page = Integer.parseInt(SimHttp.first(query, "Page") == null ? "0" : SimHttp.first(query, "Page"));
        } catch (NumberFormatException e) {
            error(ex, 400, 20001, "PageSize and Page must be numbers");
            return;
        }
        if (size < 1 || size > 500 || page < 0) {
            error(ex, 400, 20001, "PageSize must be between 1 and 500");
            return;
        }
        List<Map<String, Object>> all = contents.values().stream()
                .sorted(Comparator.comparing((Map<String, Object> c) -> String.valueOf(c.get("date_created")))
                        .thenComparing(c -> String.valueOf(c.get("sid"))))
                .toList();
        List<Map<String, Object>> items = new ArrayList<>(all.subList(Math.min(all.size(), page * size),
                Math.min(all.size(), (page + 1) * size)));
        String url = BASE + "?PageSize=" + size + "&Page=";
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", page);
        meta.put("page_size", size);
        meta.put("first_page_url", url + 0);
        meta.put("previous_page_url", page == 0 ? null : url + (page - 1));
        meta.put("url", url + page);
        meta.put("next_page_url", (page + 1) * size < all.size() ? url + (page + 1) : null);
        meta.put("key", "contents");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contents", items);
        body.put("meta", meta);
        json(ex, 200, body);
    }

    @SuppressWarnings("unchecked")
    private void submit(HttpExchange ex, String sid, String body) throws IOException {
        Object parsed;
        try {
            parsed = SimHttp.JSON.readValue(body, Object.class);
        } catch (RuntimeException e) {
            error(ex, 400, 20001, "The request body is not JSON");
            return;
        }
        String problem = ContentRules.checkApproval(parsed, contents.get(sid));
        if (problem != null) {
            error(ex, 400, 20001, problem);
            return;
        }
        Map<String, Object> existing = approvals.get(sid);
        if (existing != null && !"unsubmitted".equals(existing.get("status"))) {
            error(ex, 409, 20409, "Content " + sid + " was already submitted for WhatsApp approval");
            return;
        }
        Map<String, Object> req = (Map<String, Object>) parsed;
        String name = String.valueOf(req.get("name"));
        Map<String, Object> whatsapp = new LinkedHashMap<>();
        whatsapp.put("name", name);
        whatsapp.put("category", req.get("category"));
        whatsapp.put("content_type", firstType(contents.get(sid)));
        whatsapp.put("status", name.contains("reject") ? "rejected" : "approved");
        whatsapp.put("rejection_reason", name.contains("reject") ? "simulated rejection" : "");
        whatsapp.put("allow_category_change", req.getOrDefault("allow_category_change", true));
        approvals.put(sid, whatsapp);
        save();
        json(ex, 201, whatsapp);
    }

    /** Pre-registers content (e.g. the TWILIO_TPL_* SIDs of the devstack) as approved. */
    void approve(String sid) {
        contents.putIfAbsent(sid, new LinkedHashMap<>(Map.of("sid", sid, "account_sid", accountSid, "language", "en",
                "variables", Map.of(), "types", Map.of("twilio/text", Map.of("body", "")))));
        approvals.put(sid, new LinkedHashMap<>(Map.of("name", "builtin", "category", "UTILITY", "content_type", "twilio/text",
                "status", "approved", "rejection_reason", "", "allow_category_change", true)));
    }

    /** A Content resource, or null. */
    Map<String, Object> content(String sid) {
        return sid == null ? null : contents.get(sid);
    }

    List<String> sids() {
        return List.copyOf(contents.keySet());
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

    @SuppressWarnings("unchecked")
    private void load() {
        if (dataFile == null || !Files.exists(dataFile)) {
            return;
        }
        try {
            Map<String, Object> saved = SimHttp.JSON.readValue(Files.readString(dataFile), Map.class);
            ((Map<String, Map<String, Object>>) saved.getOrDefault("contents", Map.of())).forEach(contents::put);
            ((Map<String, Map<String, Object>>) saved.getOrDefault("approvals", Map.of())).forEach(approvals::put);
        } catch (IOException | RuntimeException e) {
            System.err.println("Twilio simulator: ignoring unreadable " + dataFile + ": " + e.getMessage());
        }
    }

    private synchronized void save() {
        if (dataFile == null) {
            return;
        }
        try {
            Files.createDirectories(dataFile.getParent());
            Path temporary = dataFile.resolveSibling(dataFile.getFileName() + ".tmp");
            Files.writeString(temporary, SimHttp.JSON.writeValueAsString(Map.of("contents", contents, "approvals", approvals)));
            Files.move(temporary, dataFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
