package com.crmfactory.messaging.template;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.crmfactory.messaging.support.web.OrgContext;
import com.crmfactory.messaging.support.web.OrgContextToken;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the service's REST API as the gateway would: with a freshly signed org context. */
public final class TemplateApi {

    public static final String PATH = "/api/v1/message-templates";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final OrgContextToken tokens;

    public TemplateApi(int port, OrgContextToken tokens) {
        this.port = port;
        this.tokens = tokens;
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

    /** {@code org} null = no org context header at all. */
    public Response send(String org, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        if (org != null) {
            request.header(OrgContext.HEADER, tokens.sign(org, "template-service"));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.body().isEmpty() ? null : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String location, JsonNode body) {

        public String text(String field) {
            JsonNode node = body.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        /** The {@code field} of the first entry of a 422's {@code errors}. */
        public String errorField() {
            return body.get("errors").get(0).get("field").asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
