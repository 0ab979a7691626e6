package com.crmfactory.messaging.agent.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * Fetches customer media safely: the URL (and every redirect, followed by hand) must pass the
 * {@link MediaHostPolicy} (allowed host, HTTPS, public addresses); the content type must be an allowed
 * image type; the body is cut off at the size limit.
 */
public class MediaFetcher {

    private static final int MAX_REDIRECTS = 3;

    private final MediaProperties properties;
    private final MediaHostPolicy policy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public MediaFetcher(MediaProperties properties) {
        this.properties = properties;
        this.policy = new MediaHostPolicy(properties.allowedHosts(), properties.insecureHttpHosts());
    }

    public record Fetched(String contentType, byte[] bytes) {
    }

    /** @throws MediaRefusedException when the URL, type or size is not allowed, or the fetch fails */
    public Fetched fetch(String url) {
        URI uri = parse(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            check(uri);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
            if (policy.isTwilio(uri) && properties.accountSid() != null && properties.authToken() != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (properties.accountSid() + ":" + properties.authToken()).getBytes(StandardCharsets.UTF_8)));
            }
            try {
                HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status >= 300 && status < 400) {
                    response.body().close();
                    uri = uri.resolve(parse(response.headers().firstValue("Location")
                            .orElseThrow(() -> new MediaRefusedException("redirect without a location"))));
                    continue;
                }
                if (status != 200) {
                    response.body().close();
                    throw new MediaRefusedException("media answered " + status);
                }
                String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim()
                        .toLowerCase(Locale.ROOT);
                if (!properties.contentTypes().contains(type)) {
                    response.body().close();
                    throw new MediaRefusedException("content type not allowed: " + type);
                }
                try (InputStream in = response.body()) {
                    byte[] bytes = in.readNBytes((int) properties.maxBytes() + 1);
                    if (bytes.length > properties.maxBytes()) {
                        throw new MediaRefusedException("media larger than " + properties.maxBytes() + " bytes");
                    }
                    return new Fetched(type, bytes);
                }
            } catch (IOException e) {
                throw new MediaRefusedException("media not fetched: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MediaRefusedException("interrupted");
            }
        }
        throw new MediaRefusedException("too many redirects");
    }

    void check(URI uri) {
        policy.check(uri);
    }

    private static URI parse(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new MediaRefusedException("malformed media URL");
        }
    }
}
