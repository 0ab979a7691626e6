package com.crmfactory.messaging.devstack.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/orders/{n}/status} moves the order and posts the signed order-status webhook exactly as the
 * platform's ingest verifies it (a receiving server stands in for the gateway).
 */
class OrderStatusWebhookTest {

    record Received(Map<String, String> headers, byte[] body) {
    }

    static final String SECRET = "db47dff7d0313fd6cc05bf3454a661b7d88f0b67f9f47f60527d7c87a0a6388a";
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer platform;

    @BeforeEach
    void platform() throws Exception {
        platform = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        platform.createContext("/api/v1/webhooks/erp/order-status", exchange -> {
            try (exchange) {
                received.add(new Received(Map.of("org", exchange.getRequestHeaders().getFirst("X-Erp-Org-Id"),
                        "timestamp", exchange.getRequestHeaders().getFirst("X-Timestamp"),
                        "signature", exchange.getRequestHeaders().getFirst("X-Signature")),
                        exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(202, -1);
            }
        });
        platform.start();
    }

    @AfterEach
    void stop() {
        platform.stop(0);
    }

    @Test
    void movingAnOrderPostsTheSignedWebhookWithTheCustomersContact() throws Exception {
        String url = "http://localhost:" + platform.getAddress().getPort() + "/api/v1/webhooks/erp/order-status";
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
        try (DemoErp erp = new DemoErp(0, new OrderStatusWebhook(url, "org-demo", () -> SECRET, clock))) {
            HttpResponse<String> response = move(erp, "SO-100001", "shipped");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode answer = JsonMapper.builder().build().readTree(response.body());
            assertThat(answer.path("order").path("status").asString()).isEqualTo("shipped");
            assertThat(answer.path("previousStatus").asString()).isEqualTo("received");
            assertThat(answer.path("webhook").path("status").asInt()).isEqualTo(202);
            assertThat(received).hasSize(1);
            Received post = received.get(0);
            assertThat(post.headers()).containsEntry("org", "org-demo").containsEntry("timestamp", "1796292000");
            assertThat(post.headers().get("signature"))
                    .isEqualTo(OrderStatusWebhook.signature(SECRET, "1796292000", post.body()));
            JsonNode body = JsonMapper.builder().build().readTree(new String(post.body(), StandardCharsets.UTF_8));
            assertThat(body.path("orderNumber").asString()).isEqualTo("SO-100001");
            assertThat(body.path("status").asString()).isEqualTo("shipped");
            assertThat(body.path("previousStatus").asString()).isEqualTo("received");
            assertThat(body.path("customer").path("phone").asString()).isEqualTo("+15550100001");
            assertThat(body.path("customer").path("name").asString()).isEqualTo("Demo customer 1");
            assertThat(body.path("trackingNumber").asString()).startsWith("1Z");
        }
    }

    @Test
    void anUnknownStatusOrOrderChangesNothingAndPostsNothing() throws Exception {
        String url = "http://localhost:" + platform.getAddress().getPort() + "/api/v1/webhooks/erp/order-status";
        try (DemoErp erp = new DemoErp(0, new OrderStatusWebhook(url, "org-demo", () -> SECRET, Clock.systemUTC()))) {
            assertThat(move(erp, "SO-100001", "teleported").statusCode()).isEqualTo(422);
            assertThat(move(erp, "SO-100001", "received").statusCode()).as("already received").isEqualTo(422);
            assertThat(move(erp, "SO-999999", "shipped").statusCode()).isEqualTo(404);
            assertThat(received).isEmpty();
        }
    }

    @Test
    void theSignatureIsWhatOpensslComputes() throws Exception {
        // printf '1700000000.{"orderNumber":"SO-1"}' | openssl dgst -sha256 -hmac "$SECRET"
        assertThat(OrderStatusWebhook.signature(SECRET, "1700000000", "{\"orderNumber\":\"SO-1\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f45c34bd1f81617484f3bda6fc75e0354570e3cf483e7c1d5b9a18bfd5ae1675");
    }

    private HttpResponse<String> move(DemoErp erp, String order, String status) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + erp.port() + "/api/v1/orders/" + order + "/status"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
