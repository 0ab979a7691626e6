package com.crmfactory.messaging.ingest.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.crmfactory.messaging.testsupport.TwilioFixtures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Posts webhooks to the running service over real HTTP, signed like Twilio signs them (or not). */
public final class WebhookClient {

    public static final String SMS = "/api/v1/webhooks/telephony/sms";
    public static final String STATUS = "/api/v1/webhooks/telephony/status";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public WebhookClient(int port) {
        this.port = port;
    }

    /** The URL the service sees (and, without a proxy or public base URL, the one Twilio signs). */
    public String localUrl(String pathAndQuery) {
        return "http://localhost:" + port + pathAndQuery;
    }

    /** Posts the body as Twilio would have, signed over {@code signedUrl} with the fixtures' token. */
    public HttpResponse<String> postSigned(String pathAndQuery, String signedUrl, String body, String... headers) {
        String signature = TwilioFixtures.sign(TwilioFixtures.AUTH_TOKEN, signedUrl, TwilioFixtures.decode(body));
        return post(pathAndQuery, body, append(headers, "X-Twilio-Signature", signature));
    }

    /** Posts a form signed over the local URL. */
    public HttpResponse<String> postSigned(String pathAndQuery, Map<String, String> params) {
        return postSigned(pathAndQuery, localUrl(pathAndQuery), TwilioFixtures.encode(params));
    }

    /** Posts a form body with the given extra headers (name, value, name, value, …). */
    public HttpResponse<String> post(String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(localUrl(pathAndQuery)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "TwilioProxy/1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(localUrl(path))).GET());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String[] append(String[] headers, String name, String value) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }
}
