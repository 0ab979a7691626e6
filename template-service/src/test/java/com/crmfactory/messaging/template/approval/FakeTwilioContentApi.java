package com.crmfactory.messaging.template.approval;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for {@code https://content.twilio.com} in the shape of Twilio's OpenAPI spec
 * ({@code twilio_content_v1.json}) with Basic auth and Twilio's error body ({@code code}, {@code message},
 * {@code more_info}, {@code status}):
 * <ul>
 * <li>{@code POST /v1/Content} (JSON; {@code language} and {@code types} required), {@code GET /v1/Content}
 * (paged with {@code PageSize}/{@code Page}, {@code meta.next_page_url}), {@code DELETE /v1/Content/{Sid}};</li>
 * <li>{@code POST /v1/Content/{Sid}/ApprovalRequests/whatsapp} ({@code name}, {@code category} required; a list
 * picker or a second request is refused), {@code GET /v1/Content/{Sid}/ApprovalRequests}.</li>
 * </ul>
 * Failures on demand: 500s, and a create whose answer is lost (created, then 500) like a crash after Twilio's 201.
 */
public final class FakeTwilioContentApi implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC9af211329b2fc82e5efe906062c73008";
    public static final String AUTH_TOKEN = "fake-auth-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern APPROVAL = Pattern.compile("/v1/Content/(HX[0-9a-fA-F]{32})/ApprovalRequests(/whatsapp)?");
    private static final Pattern CONTENT = Pattern.compile("/v1/Content/(HX[0-9a-fA-F]{32})");

    /** One request as the fake saw it. */
    public record Seen(String method, String path, String authorization, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A Content resource the fake holds. */
    public record Stored(String sid, String friendlyName, JsonNode request, Instant created) {
    }

    private final HttpServer server;
    private final Map<String, String[]> approvals = new ConcurrentHashMap<>();
    private final Map<String, Stored> contents = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failCreates = new AtomicInteger();
    private final AtomicInteger loseCreateAnswers = new AtomicInteger();
    private final AtomicInteger failSubmissions = new AtomicInteger();
    private volatile String submittedStatus = "received";

    public FakeTwilioContentApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Twilio's own status word: unsubmitted, received, pending, approved, rejected, paused, disabled. */
    public void approval(String contentSid, String status, String rejectionReason) {
        approvals.put(contentSid, new String[] {status, rejectionReason == null ? "" : rejectionReason});
    }

    /** What a new approval request reports at once (Twilio: received). */
    public void submissionsAnswer(String status) {
        submittedStatus = status;
    }

    public void failWith500(String contentSid) {
        failing.add(contentSid);
    }

    /** The next {@code n} creations answer 500 and create nothing. */
    public void failNextCreates(int n) {
        failCreates.set(n);
    }

    /** The next {@code n} creations create the resource, then answer 500: the caller never learns its SID. */
    public void loseNextCreateAnswers(int n) {
        loseCreateAnswers.set(n);
    }

    /** The next {@code n} approval requests answer 503 and submit nothing. */
    public void failNextSubmissions(int n) {
        failSubmissions.set(n);
    }

    /** Adds a Content resource as if created earlier (e.g. by a worker that crashed before storing its SID). */
    public String preexisting(String friendlyName, String type) {
        String sid = newSid();
        contents.put(sid, new Stored(sid, friendlyName,
                JSON.readTree("{\"language\":\"en\",\"types\":{\"" + type + "\":{\"body\":\"x\"}}}"), Instant.now()));
        return sid;
    }

    public List<Seen> requestsFor(String contentSid) {
        return requests.stream().filter(r -> r.path().contains(contentSid)).toList();
    }

    public List<Seen> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** The Content resources that exist now with this friendly name. */
    public List<Stored> contentsNamed(String friendlyName) {
        return contents.values().stream().filter(c -> friendlyName.equals(c.friendlyName())).toList();
    }

    public Stored content(String sid) {
        return contents.get(sid);
    }

    /** The approval requests sent for this Content (name, category). */
    public List<JsonNode> submissions(String contentSid) {
        return requestsFor(contentSid).stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/ApprovalRequests/whatsapp"))
                .map(Seen::json).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Seen(method, path, authorization, body));
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
            Matcher approval = APPROVAL.matcher(path);
            Matcher content = CONTENT.matcher(path);
            if (!expected.equals(authorization)) {
                error(exchange, 401, 20003, "Authenticate");
            } else if (path.equals("/v1/Content") && method.equals("POST")) {
                create(exchange, body);
            } else if (path.equals("/v1/Content") && method.equals("GET")) {
                list(exchange, exchange.getRequestURI().getRawQuery());
            } else if (content.matches() && method.equals("DELETE")) {
                if (contents.remove(content.group(1)) == null) {
                    notFound(exchange, path);
                } else {
                    exchange.sendResponseHeaders(204, -1);
                }
            } else if (approval.matches() && approval.group(2) != null && method.equals("POST")) {
                submit(exchange, approval.group(1), body);
            } else if (approval.matches() && approval.group(2) == null && method.equals("GET")) {
                fetchApproval(exchange, approval.group(1), path);
            } else {
                notFound(exchange, path);
            }
        }
    }

    private void create(HttpExchange exchange, String body) throws IOException {
        JsonNode request = JSON.readTree(body);
        if (!request.hasNonNull("language") || !request.hasNonNull("types") || request.get("types").isEmpty()) {
            error(exchange, 400, 20001, "Missing required parameter " + (request.hasNonNull("language") ? "types" : "language"));
            return;
        }
        if (failCreates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            error(exchange, 500, 20500, "Internal Server Error");
            return;
        }
        String sid = newSid();
        Stored stored = new Stored(sid, request.path("friendly_name").asString(null), request, Instant.now());
        contents.put(sid, stored);
        if (loseCreateAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            error(exchange, 500, 20500, "Internal Server Error");
            return;
        }
        respond(exchange, 201, JSON.writeValueAsString(resource(stored)));
    }

    private void list(HttpExchange exchange, String query) throws IOException {
        Map<String, String> q = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        int size = Integer.parseInt(q.getOrDefault("PageSize", "50"));
        int page = Integer.parseInt(q.getOrDefault("Page", "0"));
        List<Stored> all = contents.values().stream().sorted((a, b) -> a.sid().compareTo(b.sid())).toList();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = page * size; i < Math.min(all.size(), (page + 1) * size); i++) {
            items.add(resource(all.get(i)));
        }
        String base = "https://content.twilio.com/v1/Content?PageSize=" + size + "&Page=";
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", page);
        meta.put("page_size", size);
        meta.put("first_page_url", base + 0);
        meta.put("previous_page_url", page == 0 ? null : base + (page - 1));
        meta.put("url", base + page);
        meta.put("next_page_url", (page + 1) * size < all.size() ? base + (page + 1) : null);
        meta.put("key", "contents");
        respond(exchange, 200, JSON.writeValueAsString(Map.of("contents", items, "meta", meta)));
    }

    private void submit(HttpExchange exchange, String sid, String body) throws IOException {
        Stored stored = contents.get(sid);
        if (stored == null) {
            notFound(exchange, "/v1/Content/" + sid);
            return;
        }
        JsonNode request = JSON.readTree(body);
        if (!request.hasNonNull("name") || !request.hasNonNull("category")) {
            error(exchange, 400, 20001, "Missing required parameter " + (request.hasNonNull("name") ? "category" : "name"));
            return;
        }
        if (stored.request().path("types").has("twilio/list-picker")) {
            error(exchange, 400, 20001, "twilio/list-picker cannot be submitted for WhatsApp approval");
            return;
        }
        if (approvals.containsKey(sid)) {
            error(exchange, 409, 20409, "An approval request for this Content was already submitted");
            return;
        }
        if (failSubmissions.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            error(exchange, 503, 20503, "Service Unavailable");
            return;
        }
        approval(sid, submittedStatus, null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("name", request.get("name").asString());
        answer.put("category", request.get("category").asString());
        answer.put("content_type", stored.request().path("types").propertyNames().iterator().next());
        answer.put("status", submittedStatus);
        answer.put("rejection_reason", "");
        answer.put("allow_category_change", true);
        respond(exchange, 201, JSON.writeValueAsString(answer));
    }

    private void fetchApproval(HttpExchange exchange, String sid, String path) throws IOException {
        if (failing.contains(sid)) {
            error(exchange, 500, 20500, "Internal Server Error");
        } else if (!approvals.containsKey(sid) && !contents.containsKey(sid)) {
            notFound(exchange, path);
        } else {
            String[] approval = approvals.getOrDefault(sid, new String[] {"unsubmitted", ""});
            respond(exchange, 200, """
                    {"sid": "%s", "account_sid": "%s",
                     "whatsapp": {"type": "whatsapp", "name": "order_update", "category": "UTILITY",
                                  "content_type": "twilio/text", "status": "%s", "rejection_reason": "%s",
                                  "allow_category_change": true},
                     "url": "https://content.twilio.com/v1/Content/%s/ApprovalRequests"}"""
                    .formatted(sid, ACCOUNT_SID, approval[0], approval[1], sid));
        }
    }

    private Map<String, Object> resource(Stored c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("date_created", c.created().toString());
        r.put("date_updated", c.created().toString());
        r.put("sid", c.sid());
        r.put("account_sid", ACCOUNT_SID);
        r.put("friendly_name", c.friendlyName());
        r.put("language", c.request().path("language").asString());
        r.put("variables", c.request().has("variables") ? c.request().get("variables") : Map.of());
        r.put("types", c.request().get("types"));
        r.put("url", "https://content.twilio.com/v1/Content/" + c.sid());
        r.put("links", Map.of("approval_create", "https://content.twilio.com/v1/Content/" + c.sid() + "/ApprovalRequests/whatsapp",
                "approval_fetch", "https://content.twilio.com/v1/Content/" + c.sid() + "/ApprovalRequests"));
        return r;
    }

    private static String newSid() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "HX" + HexFormat.of().formatHex(bytes);
    }

    private static void notFound(HttpExchange exchange, String path) throws IOException {
        error(exchange, 404, 20404, "The requested resource " + path + " was not found");
    }

    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        respond(exchange, status, """
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                .formatted(code, message, code, status));
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
