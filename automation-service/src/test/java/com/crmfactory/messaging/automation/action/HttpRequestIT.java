package com.crmfactory.messaging.automation.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.automation.support.AutomationServiceTest;
import com.crmfactory.messaging.automation.support.Events;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * http_request against a local HTTP server (localhost is allowed over http in tests only): the JSON
 * arrives rendered and signed with the org's key, a 5xx is retried; and the SSRF guard refuses
 * loopback, private and cloud-metadata addresses.
 */
class HttpRequestIT extends AutomationServiceTest {

    record Received(Map<String, List<String>> headers, byte[] body) {
    }

    static HttpServer server;
    static final BlockingQueue<Received> RECEIVED = new LinkedBlockingQueue<>();
    /** How many of the next calls answer 503 before the server answers 200 again. */
    static final AtomicInteger FAILURES_TO_COME = new AtomicInteger();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            RECEIVED.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
            int status = FAILURES_TO_COME.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Override
    protected String orgLabel() {
        return "http";
    }

    @Test
    void postsTheRenderedJsonSignedWithTheOrgsKeyThenGoesOn() throws Exception {
        RECEIVED.clear();
        String id = create(org, """
                {"name": "Webhook", "enabled": true, "trigger": {"type": "sms_received"},
                 "actions": [{"type": "http_request", "url": "http://localhost:%d/hook",
                              "body": {"text": "{{message.body}}", "from": "{{contact.phone}}", "tags": ["sms", "{{channel}}"]}},
                             {"type": "send_sms", "to": "{{contact.phone}}", "body": "noted"}]}"""
                .formatted(server.getAddress().getPort()));
        String secret = api.get(org, "/api/v1/automations/signing-secret").text("/secret");
        String phone = Events.phone();

        Events.publish(Events.sms(org, phone, "call me"));

        Received call = RECEIVED.poll(30, TimeUnit.SECONDS);
        assertThat(call).as("the hook was called").isNotNull();
        String timestamp = call.headers().get("X-signature-timestamp").get(0);
        assertThat(call.headers().get("X-signature").get(0))
                .isEqualTo(SigningSecrets.sign(secret, Long.parseLong(timestamp), call.body()));
        JsonNode body = com.crmfactory.messaging.automation.support.Api.json()
                .readTree(new String(call.body(), StandardCharsets.UTF_8));
        assertThat(body.path("text").asString()).isEqualTo("call me");
        assertThat(body.path("from").asString()).isEqualTo(phone);
        assertThat(body.at("/tags/1").asString()).isEqualTo("sms");
        assertThat(call.headers().get("Idempotency-key").get(0)).startsWith("automation-");
        JsonNode run = run(org, awaitRuns(org, id, 1).get(0).path("id").asString());
        assertThat(run.path("status").asString()).isEqualTo("succeeded");
        assertThat(run.at("/steps/0/output/status").asInt()).isEqualTo(200);
        assertThat(run.at("/steps/1/status").asString()).isEqualTo("succeeded");
        assertThat(awaitRequest(r -> r.orgId().equals(org)).body()).isEqualTo("noted");
    }

    @Test
    void aServerErrorIsRetried() throws Exception {
        RECEIVED.clear();
        FAILURES_TO_COME.set(1);
        String id = create(org, """
                {"name": "Retry", "enabled": true, "trigger": {"type": "sms_received"},
                 "actions": [{"type": "http_request", "url": "http://localhost:%d/hook"}]}"""
                .formatted(server.getAddress().getPort()));

        Events.publish(Events.sms(org, Events.phone(), "hi"));

        JsonNode run = run(org, awaitRuns(org, id, 1).get(0).path("id").asString());
        assertThat(run.path("status").asString()).isEqualTo("succeeded");
        assertThat(run.at("/steps/0/output/attempts").asInt()).isEqualTo(2);
        Received last = RECEIVED.poll(5, TimeUnit.SECONDS);
        assertThat(last).isNotNull();
        JsonNode body = com.crmfactory.messaging.automation.support.Api.json()
                .readTree(new String(last.body(), StandardCharsets.UTF_8));
        assertThat(body.path("trigger").asString()).as("no body given: the trigger's variables").isEqualTo("sms_received");
        assertThat(body.at("/variables/message.body").asString()).isEqualTo("hi");
    }

    @Test
    void privateLoopbackAndMetadataAddressesAreRefused() {
        String loopback = create(org, hook("https://127.0.0.1:8443/hook"));
        String metadata = create(org, hook("https://169.254.169.254/latest/meta-data/"));
        String privateNet = create(org, hook("https://10.0.0.7/hook"));
        String loopbackV6 = create(org, hook("https://[::1]/hook"));

        Events.publish(Events.sms(org, Events.phone(), "hi"));

        for (String id : List.of(loopback, metadata, privateNet, loopbackV6)) {
            JsonNode run = run(org, awaitRuns(org, id, 1).get(0).path("id").asString());
            assertThat(run.path("status").asString()).isEqualTo("failed");
            assertThat(run.at("/steps/0/error").asString()).contains("non-public address");
        }
        assertThat(api.post(org, "/api/v1/automations", hook("https://user:secret@example.com/hook")).status()).isEqualTo(400);
        assertThat(api.post(org, "/api/v1/automations", hook("ftp://example.com/hook")).status()).isEqualTo(400);
    }

    private static String hook(String url) {
        return """
                {"name": "Hook", "enabled": true, "trigger": {"type": "sms_received"},
                 "actions": [{"type": "http_request", "url": "%s"}]}""".formatted(url);
    }
}
