package com.crmfactory.messaging.template.approval;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for {@code https://content.twilio.com} serving {@code GET /v1/Content/{Sid}/ApprovalRequests}
 * in the shape of Twilio's OpenAPI spec ({@code content.v1.content.approval_fetch}, example
 * {@code getApproval}) with Basic auth and Twilio's error body ({@code code}, {@code message},
 * {@code more_info}, {@code status}).
 */
final class FakeTwilioContentApi implements AutoCloseable {

    static final String ACCOUNT_SID = "AC9af211329b2fc82e5efe906062c73008";
    static final String AUTH_TOKEN = "fake-auth-token";
    private static final Pattern APPROVAL = Pattern.compile("/v1/Content/(HX[0-9a-fA-F]{32})/ApprovalRequests");

    /** One request as the fake saw it. */
    record Seen(String method, String path, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, String[]> approvals = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final List<Seen> requests = new CopyOnWriteArrayList<>();

    FakeTwilioContentApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Twilio's own status word: unsubmitted, received, pending, approved, rejected, paused, disabled. */
    void approval(String contentSid, String status, String rejectionReason) {
        approvals.put(contentSid, new String[] {status, rejectionReason == null ? "" : rejectionReason});
    }

    void failWith500(String contentSid) {
        failing.add(contentSid);
    }

    List<Seen> requestsFor(String contentSid) {
        return requests.stream().filter(r -> r.path().contains(contentSid)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Seen(exchange.getRequestMethod(), path, authorization));
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        Matcher matcher = APPROVAL.matcher(path);
        if (!expected.equals(authorization)) {
            error(exchange, 401, 20003, "Authenticate");
        } else if (!"GET".equals(exchange.getRequestMethod()) || !matcher.matches()) {
            error(exchange, 404, 20404, "The requested resource " + path + " was not found");
        } else if (failing.contains(matcher.group(1))) {
            error(exchange, 500, 20500, "Internal Server Error");
        } else if (!approvals.containsKey(matcher.group(1))) {
            error(exchange, 404, 20404, "The requested resource " + path + " was not found");
        } else {
            String sid = matcher.group(1);
            String[] approval = approvals.get(sid);
            respond(exchange, 200, """
                    {"sid": "%s", "account_sid": "%s",
                     "whatsapp": {"type": "whatsapp", "name": "order_update", "category": "UTILITY",
                                  "content_type": "twilio/text", "status": "%s", "rejection_reason": "%s",
                                  "allow_category_change": true},
                     "url": "https://content.twilio.com/v1/Content/%s/ApprovalRequests"}"""
                    .formatted(sid, ACCOUNT_SID, approval[0], approval[1], sid));
        }
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
