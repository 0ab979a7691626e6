package com.crmfactory.messaging.systemtests.check;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The devstack Twilio simulator's test API: every message the product created (its POST log), failure rules. */
final class Simulator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String url;

    Simulator(String url) {
        this.url = url;
    }

    /** A message the product sent through the simulated Twilio API. */
    record Sent(String sid, String to, String body, String status, long createdAtMillis) {
    }

    List<Sent> messages() throws Exception {
        List<Sent> sent = new ArrayList<>();
        for (JsonNode m : JSON.readTree(call("GET", "/sim/messages", null).body())) {
            sent.add(new Sent(m.path("sid").asString(), m.path("to").asString(), m.path("body").asString(),
                    m.path("status").asString(), m.path("createdAtMillis").asLong()));
        }
        return sent;
    }

    /** Total create requests (POSTs to the Messages resource), accepted or failed by a rule. */
    long posts() throws Exception {
        return JSON.readTree(call("GET", "/sim/stats", null).body()).path("posts").asLong();
    }

    /** {@code POST /sim/rules}: kind (too_many_requests, server_error_after_create, slow, ...) for {@code to}, count times. */
    void rule(String to, String kind, int count, long delayMs) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("to", to, "kind", kind, "count", count, "delayMs", delayMs));
        expect(call("POST", "/sim/rules", body), 201);
    }

    void clearRules() throws Exception {
        expect(call("DELETE", "/sim/rules", null), 204);
    }

    /** Status callbacks of a message in reverse order (delivered before sent) while on. */
    void outOfOrder(boolean on) throws Exception {
        expect(call("POST", "/sim/settings", "{\"outOfOrder\":" + on + "}"), 200);
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(15));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("simulator answered " + response.statusCode() + ": " + response.body());
        }
    }
}
