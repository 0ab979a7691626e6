package com.crmfactory.messaging.automation.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.crmfactory.messaging.automation.support.Api;
import com.crmfactory.messaging.automation.support.AutomationServiceTest;
import com.crmfactory.messaging.automation.support.Events;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * The SSRF corpus ({@code ssrf/http-request-urls.txt}: loopback in its spellings, cloud metadata, private ranges,
 * IPv4 inside IPv6, a name resolving to loopback, plain http, user-info tricks, other schemes, a redirect to loopback)
 * as http_request automations, all triggered by one inbound SMS. A listener on 127.0.0.1 counts every TCP connection:
 * none reaches it. Each URL is refused when saved (400 naming the field) or its run fails at the step with the reason,
 * before any connection; nothing is retried, and no log line shows the URL's secret, the message body, the phone or the
 * org's signing secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpRequestSsrfIT extends AutomationServiceTest {

    static final String TOKEN = "tok-" + UUID.randomUUID();
    static final String BODY = "ssrf-body-" + UUID.randomUUID();
    static ServerSocket listener;
    static final AtomicInteger CONNECTIONS = new AtomicInteger();
    static HttpServer redirector;
    static final AtomicInteger REDIRECTS = new AtomicInteger();

    @BeforeAll
    static void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread accept = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                    CONNECTIONS.incrementAndGet();
                } catch (IOException closed) {
                    // the test is over
                }
            }
        }, "ssrf-listener");
        accept.setDaemon(true);
        accept.start();
        redirector = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        redirector.createContext("/redirect", exchange -> {
            REDIRECTS.incrementAndGet();
            exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + listener.getLocalPort() + "/hook");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirector.start();
    }

    @AfterAll
    static void close() throws IOException {
        listener.close();
        redirector.stop(0);
    }

    @Override
    protected String orgLabel() {
        return "ssrf";
    }

    record Entry(String expectation, String url) {
    }

    @Test
    void noCorpusUrlIsCalledAndEachIsRefusedWithItsReason(CapturedOutput output) throws IOException {
        String secret = api.get(org, "/api/v1/automations/signing-secret").text("/secret");
        Map<String, Entry> saved = new LinkedHashMap<>();
        List<Entry> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);
        for (Entry entry : corpus) {
            Api.Response response = api.post(org, "/api/v1/automations", """
                    {"name": "SSRF", "enabled": true, "trigger": {"type": "sms_received"},
                     "actions": [{"type": "http_request", "url": "%s", "body": {"text": "{{message.body}}"}}]}"""
                    .formatted(entry.url()));
            if (entry.expectation().equals("refused-on-save")) {
                assertThat(response.status()).as(entry.url()).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.at("/errors/0/field").asString()).as(entry.url()).isEqualTo("actions[0].url");
                assertThat(response.raw()).as(entry.url()).doesNotContain(TOKEN);
            } else {
                assertThat(response.status()).as(entry.url() + " " + response).isEqualTo(201);
                saved.put(response.text("/id"), entry);
            }
        }

        String phone = Events.phone();
        Events.publish(Events.sms(org, phone, BODY));

        saved.forEach((id, entry) -> {
            List<JsonNode> runs = awaitRuns(org, id, 1);
            assertThat(runs).as(entry.url()).hasSize(1);
            JsonNode run = run(org, runs.get(0).path("id").asString());
            assertThat(run.path("status").asString()).as(entry.url()).isEqualTo("failed");
            String reason = run.at("/steps/0/error").asString();
            assertThat(reason).as(entry.url()).startsWith("http_request: ").doesNotContain(TOKEN).doesNotContain(BODY);
            if (entry.expectation().equals("refused-on-run")) {
                // refused before any attempt: the address, not a failed connection, is the reason
                assertThat(reason).as(entry.url()).containsAnyOf("resolves to a non-public address", "unknown host")
                        .doesNotContain("attempts");
            } else {
                assertThat(reason).as(entry.url()).isEqualTo("http_request: localhost answered 302");
            }
        });
        assertThat(REDIRECTS.get()).as("the allowed URL was called once, its redirect not followed").isEqualTo(1);

        // nothing retried: after the runs ended, still one run per automation and no connection to the listener
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        saved.keySet().forEach(id -> assertThat(api.get(org, "/api/v1/automations/" + id + "/runs").at("/items").size())
                .isEqualTo(1));
        assertThat(CONNECTIONS.get()).as("connections to the local listener").isZero();
        assertThat(output.getAll()).contains("failed at step 0 (http_request)") // the service's log is what was captured
                .doesNotContain(TOKEN).doesNotContain(BODY).doesNotContain(phone).doesNotContain(secret);
    }

    private List<Entry> corpus() throws IOException {
        try (InputStream in = HttpRequestSsrfIT.class.getResourceAsStream("/ssrf/http-request-urls.txt")) {
            List<Entry> entries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split(" ", 2);
                entries.add(new Entry(parts[0], parts[1].replace("PORT", Integer.toString(listener.getLocalPort()))
                        .replace("REDIRECT", Integer.toString(redirector.getAddress().getPort())).replace("TOKEN", TOKEN)));
            }
            return entries;
        }
    }
}
