package com.crmfactory.messaging.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/** What the end-to-end tests share to wait for the stack and to call it over HTTP. */
final class Probes {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Probes() {
    }

    /** Polls {@code probe} every 300 ms until it returns a value; fails naming {@code what} after {@code timeout}. */
    static <T> T until(Duration timeout, String what, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.call();
            if (value != null) {
                return value;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }

    /** One request, JSON body when given, with an optional {@code Authorization} header. */
    static HttpResponse<String> send(String url, String method, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
