package com.crmfactory.messaging.agent.dialogue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An ERP that a test can freeze: a plain HTTP proxy in front of the demo ERP which, while {@linkplain #hold() held},
 * keeps every request waiting until {@linkplain #release() released} — a turn calling it stays in the middle of its
 * dialogue for as long as the test wants. Then it forwards the request and relays the ERP's answer unchanged.
 */
final class HeldErp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String target;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    HeldErp(int erpPort) {
        this.target = "http://localhost:" + erpPort;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::forward);
        server.start();
    }

    /** The base URL for {@code agent.erp.base-url}. */
    String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/api/v1";
    }

    /** From now on requests wait. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    /** The waiting requests, and every later one, go through. */
    void release() {
        gate.countDown();
    }

    /** Requests waiting at the gate now. */
    int waiting() {
        return waiting.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        waiting.incrementAndGet();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        } finally {
            waiting.decrementAndGet();
        }
        try (exchange) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(
                            exchange.getRequestBody().readAllBytes()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (name.equalsIgnoreCase("X-Org-Id") || name.equalsIgnoreCase("Content-Type")
                        || name.equalsIgnoreCase("Accept") || name.equalsIgnoreCase("Authorization")) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        handlers.shutdownNow();
    }
}
