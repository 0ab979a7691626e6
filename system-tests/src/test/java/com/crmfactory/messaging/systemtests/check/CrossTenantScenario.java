package com.crmfactory.messaging.systemtests.check;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second org's API key against every route of the org API (enumerated from the services' OpenAPI documents the
 * gateway serves, so a route added tomorrow is covered) with the first org's ids in the path and in the body: no
 * 2xx, no 5xx; reads with an id answer 403/404; lists show none of the first org's ids; and the first org's rows
 * (every table of conversation-service's database that has an {@code org_id}) are unchanged.
 */
public final class CrossTenantScenario implements Scenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> DOCUMENTS = List.of("/openapi/conversation", "/openapi/template", "/openapi/automation",
            "/openapi/outbound-messaging");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Override
    public String name() {
        return "cross-tenant fuzz";
    }

    @Override
    public String description() {
        return "Org B's key on every org API route (from the OpenAPI documents behind the gateway) with org A's session, "
                + "contact and message ids in path and body: never 2xx or 5xx, reads 403/404, lists without org A's ids, "
                + "org A's rows unchanged.";
    }

    @Override
    public void run(Stack stack, ScenarioResult result) throws Exception {
        Webhooks webhooks = new Webhooks(stack);
        Webhooks.Posted mine = webhooks.post(Webhooks.SMS_PATH, webhooks.sms(Webhooks.customer(), "Is order 7001 ready?"));
        Invariants invariants = new Invariants(stack);
        result.addAll(invariants.verify(invariants.baseline(), List.of(mine), Expect.answers(stack, 1, Duration.ofSeconds(45))));
        Ids a = idsOf(stack, mine.messageSid());
        String keyB = secondOrgKey(stack);
        Map<String, String> before = snapshot(stack, a.orgId());

        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        int routes = 0;
        for (String document : DOCUMENTS) {
            HttpResponse<String> doc = call(stack.gatewayUrl() + document, "GET", null, null);
            if (doc.statusCode() != 200) {
                result.figure("document " + document, "HTTP " + doc.statusCode() + " (service not in this stack)");
                continue;
            }
            JsonNode openApi = JSON.readTree(doc.body());
            JsonNode paths = openApi.path("paths");
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                if (path.getKey().endsWith("/stream")) {
                    continue; // server-sent events: an org's own stream, held open
                }
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    String method = operation.getKey().toUpperCase();
                    String concrete = fill(path.getKey(), a);
                    boolean withId = !concrete.equals(path.getKey());
                    boolean hasBody = List.of("POST", "PUT", "PATCH").contains(method);
                    if (!withId && !hasBody && !method.equals("GET")) {
                        continue;
                    }
                    routes++;
                    HttpResponse<String> response = call(stack.gatewayUrl() + concrete, method, hasBody ? body(a) : null, keyB);
                    int status = response.statusCode();
                    byStatus.merge(String.valueOf(status), 1, Integer::sum);
                    // an error may echo the ids the caller sent; only an answer (2xx) showing them, or any showing the number, leaks
                    String leak = a.leakIn(response.body(), status >= 200 && status < 300);
                    // a call naming no resource of org A (no id in its path, none in its body's schema) acts on org B's own
                    boolean namesOrgA = withId || hasBody && takesIds(openApi, operation.getValue());
                    if (status >= 200 && status < 300 && namesOrgA || status >= 500
                            || withId && !hasBody && status != 403 && status != 404 || leak != null) {
                        broken.add(method + " " + path.getKey() + " → " + status + (leak == null ? "" : " showing " + leak));
                    }
                }
            }
        }
        Thread.sleep(2_000);
        Map<String, String> after = snapshot(stack, a.orgId());
        result.add(InvariantResult.of("org B never reads or changes org A's resources", broken.isEmpty() && routes > 0,
                Map.of("requests", routes, "byStatus", byStatus, "broken", broken.size()),
                broken.isEmpty() ? null : String.join("; ", broken.subList(0, Math.min(8, broken.size())))));
        List<String> changed = new ArrayList<>();
        before.forEach((table, digest) -> {
            if (!digest.equals(after.get(table))) {
                changed.add(table);
            }
        });
        result.add(InvariantResult.of("org A's rows unchanged", changed.isEmpty(), Map.of("tables", before.size(), "changed", changed),
                changed.isEmpty() ? null : "changed: " + changed));
    }

    /** Org A's ids the probes carry, and what must never be shown to org B. */
    record Ids(String orgId, String sessionId, String contactId, String messageId, String customer) {
        String leakIn(String body, boolean answered) {
            for (String id : answered ? List.of(sessionId, contactId, messageId, customer) : List.of(customer)) {
                if (body != null && body.contains(id)) {
                    return id.equals(customer) ? "org A's customer number" : "org A's id " + id;
                }
            }
            return null;
        }
    }

    private static Ids idsOf(Stack stack, String messageSid) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.conversationJdbcUrl(), stack.databaseUser(), stack.databasePassword());
                PreparedStatement q = c.prepareStatement("SELECT m.org_id, m.session_id, s.contact_id, m.id, s.customer_address"
                        + " FROM message m JOIN session s ON s.id = m.session_id WHERE m.provider_message_id = ?")) {
            q.setString(1, messageSid);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the probe message was not stored");
                }
                return new Ids(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
            }
        }
    }

    /** Creates org B with the admin key and issues its API key. */
    private String secondOrgKey(Stack stack) throws Exception {
        String admin = "Bearer " + stack.adminApiKey();
        HttpResponse<String> org = call(stack.gatewayUrl() + "/admin/v1/orgs", "POST",
                "{\"name\":\"System suite org " + UUID.randomUUID().toString().substring(0, 8) + "\"}", admin);
        if (org.statusCode() != 201 && org.statusCode() != 200) {
            throw new IllegalStateException("could not create org B: " + org.statusCode() + " " + org.body());
        }
        String orgId = JSON.readTree(org.body()).path("id").asString();
        HttpResponse<String> key = call(stack.gatewayUrl() + "/admin/v1/orgs/" + orgId + "/api-keys", "POST", "{}", admin);
        if (key.statusCode() != 201) {
            throw new IllegalStateException("could not issue org B's key: " + key.statusCode() + " " + key.body());
        }
        return "Bearer " + JSON.readTree(key.body()).path("key").asString();
    }

    /** Whether the operation's JSON body (its schema, through a $ref) has a field for a session, contact or message id. */
    private static boolean takesIds(JsonNode openApi, JsonNode operation) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            schema = openApi.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        for (String field : List.of("sessionId", "contactId", "messageId", "conversationId", "id")) {
            if (schema.path("properties").has(field)) {
                return true;
            }
        }
        return false;
    }

    /** Every path variable gets one of org A's ids: contact ids for contact routes, message ids for messages, else the session. */
    private static String fill(String path, Ids a) {
        return path.replaceAll("\\{[^}]*[Mm]essage[^}]*}", a.messageId())
                .replaceAll(path.startsWith("/api/v1/contacts") ? "\\{[^}]*}" : "\\{[^}]*[Cc]ontact[^}]*}", a.contactId())
                .replaceAll("\\{[^}]*}", a.sessionId());
    }

    private static String body(Ids a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sessionId", a.sessionId());
        body.put("contactId", a.contactId());
        body.put("messageId", a.messageId());
        body.put("message", "cross-tenant probe");
        body.put("text", "cross-tenant probe");
        body.put("note", "cross-tenant probe");
        body.put("queue", "probe");
        body.put("assignee", "probe@example.org");
        body.put("reason", "probe");
        body.put("name", "Probe");
        return JSON.writeValueAsString(body);
    }

    /** Per table with an org_id column: row count and a digest of org A's rows. */
    private static Map<String, String> snapshot(Stack stack, String orgId) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(stack.conversationJdbcUrl(), stack.databaseUser(), stack.databasePassword())) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT table_name FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND column_name = 'org_id'"); ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement q = c.prepareStatement("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '')"
                        + " FROM \"" + table + "\" t WHERE org_id::text = ?")) {
                    q.setString(1, orgId);
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        digests.put(table, rs.getString(1));
                    }
                }
            }
        }
        return digests;
    }

    private HttpResponse<String> call(String url, String method, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
