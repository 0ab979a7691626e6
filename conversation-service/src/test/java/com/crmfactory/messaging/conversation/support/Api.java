package com.crmfactory.messaging.conversation.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.crmfactory.messaging.support.web.OrgContext;
import com.crmfactory.messaging.support.web.OrgContextToken;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API as the gateway calls it: every request carries a signed org context. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The audience of the tokens the gateway signs for this service. */
    public static final String SERVICE = "conversation-service";

    private final int port;
    private final OrgContextToken tokens;

    public Api(int port, OrgContextToken tokens) {
        this.port = port;
        this.tokens = tokens;
    }

    /** A response: status, content type and the JSON body (null when empty). */
    public record Response(int status, String contentType, JsonNode body, String raw) {

        public JsonNode at(String pointer) {
            return body.at(pointer);
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    public Response get(String org, String path) {
        return send(org, request(path).GET());
    }

    public Response post(String org, String path, Object body) {
        return send(org, withBody(request(path), "POST", body));
    }

    public Response patch(String org, String path, Object body) {
        return send(org, withBody(request(path), "PATCH", body));
    }

    public Response getWithoutOrg(String path) {
        return exchange(request(path).GET().build());
    }

    public String token(String org) {
        return tokens.sign(org, SERVICE);
    }

    /** A request whose org context was signed for another service (a token captured there and replayed). */
    public Response getWithTokenFor(String audience, String org, String path) {
        return exchange(request(path).GET().header(OrgContext.HEADER, tokens.sign(org, audience)).build());
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public static JsonMapper json() {
        return JSON;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).header("Accept", "application/json");
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder builder, String method, Object body) {
        String text = body == null ? "" : body instanceof String raw ? raw : JSON.writeValueAsString(body);
        return builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
    }

    private Response send(String org, HttpRequest.Builder builder) {
        return exchange(builder.header(OrgContext.HEADER, token(org)).build());
    }

    private static Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() ? null : JSON.readTree(raw);
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body, raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
