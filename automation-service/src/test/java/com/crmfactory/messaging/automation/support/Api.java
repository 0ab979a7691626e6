package com.crmfactory.messaging.automation.support;

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

/** The automations API as the gateway calls it: each request carries an org context signed for this service. */
public final class Api {

    public static final String SERVICE = "automation-service";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final OrgContextToken tokens;

    public Api(int port, OrgContextToken tokens) {
        this.port = port;
        this.tokens = tokens;
    }

    /** Status, content type and the JSON body (null when empty). */
    public record Response(int status, String contentType, JsonNode body, String raw) {

        public JsonNode at(String pointer) {
            return body.at(pointer);
        }

        public String text(String pointer) {
            return body.at(pointer).asString();
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    public Response get(String org, String path) {
        return send(org, "GET", path, null);
    }

    public Response post(String org, String path, Object body) {
        return send(org, "POST", path, body);
    }

    public Response put(String org, String path, Object body) {
        return send(org, "PUT", path, body);
    }

    public Response delete(String org, String path) {
        return send(org, "DELETE", path, null);
    }

    public static JsonMapper json() {
        return JSON;
    }

    private Response send(String org, String method, String path, Object body) {
        String text = body == null ? "" : body instanceof String raw ? raw : JSON.writeValueAsString(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Accept", "application/json")
                .header("Content-Type", "application/json").header(OrgContext.HEADER, tokens.sign(org, SERVICE))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    raw == null || raw.isBlank() ? null : JSON.readTree(raw), raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
