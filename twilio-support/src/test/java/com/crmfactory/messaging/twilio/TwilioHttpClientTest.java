package com.crmfactory.messaging.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;

/** The redirect, the absence of any SDK retry, and the Retry-After hand-over, against a local HTTP server. */
class TwilioHttpClientTest {

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(201);
    private TwilioHttpClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = new TwilioHttpClient("http://localhost:" + server.getAddress().getPort() + "/", Duration.ofSeconds(2),
                Duration.ofSeconds(2), 10);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void requestsGoToTheRedirectOriginWithPathQueryAuthAndBody() {
        Response response = client.reliableRequest(messageCreate());

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(seen).singleElement().satisfies(line -> assertThat(line)
                .startsWith("POST /2010-04-01/Accounts/AC1/Messages.json")
                .contains("auth=Basic ")
                .contains("Body=Hello"));
    }

    @Test
    void aServerErrorIsSentOnceNeverRetriedBehindTheCallersBack() {
        status.set(503);

        Response response = client.reliableRequest(messageCreate());

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(seen).hasSize(1);
    }

    @Test
    void aTooManyRequestsAnswerIsSentOnceAndItsRetryAfterIsKept() {
        status.set(429);

        client.reliableRequest(messageCreate());

        assertThat(seen).hasSize(1);
        assertThat(TwilioHttpClient.lastRetryAfter()).isEqualTo("3");
        status.set(201);
        client.reliableRequest(messageCreate());
        assertThat(TwilioHttpClient.lastRetryAfter()).isNull();
    }

    @Test
    void propertiesNeverPrintTheTokenAndNormaliseTheOrigin() {
        TwilioProperties properties = new TwilioProperties("AC1", "secret-token-value", " http://localhost:8090/ ", null,
                null, Duration.ofSeconds(1), Duration.ofSeconds(1), 10);

        assertThat(properties.toString()).doesNotContain("secret-token-value");
        assertThat(properties.redirectOrigin()).isEqualTo("http://localhost:8090");
        assertThat(properties.configured()).isTrue();
        assertThat(new TwilioProperties(null, null, "", null, null, null, null, 1).redirectOrigin()).isNull();
    }

    private static Request messageCreate() {
        Request request = new Request(HttpMethod.POST, "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json");
        request.setAuth("AC1", "token");
        request.addPostParam("Body", "Hello");
        return request;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
        byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
        if (status.get() == 429) {
            exchange.getResponseHeaders().add("Retry-After", "3");
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status.get(), answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
