package com.crmfactory.messaging.ingest.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.crmfactory.messaging.ingest.WebhookIngestApplication;

/**
 * The ingest service in its own JVM, as it runs in production (not inside the load generator's process),
 * started from this classpath and stopped with SIGTERM (graceful shutdown).
 */
final class IngestProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int managementPort;

    private IngestProcess(Process process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    static IngestProcess start(String bootstrapServers, String authToken, String heap, Path log) throws Exception {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"),
                WebhookIngestApplication.class.getName(),
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--logging.level.root=WARN",
                "--logging.level.com.crmfactory=INFO"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PLATFORM_TWILIO_AUTH_TOKEN", authToken); // env, not argv: never on a process list
        builder.environment().put("PLATFORM_ORG_CONTEXT_SECRET", "bench-org-context-secret-" + UUID.randomUUID());
        IngestProcess ingest = new IngestProcess(builder.start(), port, managementPort);
        ingest.awaitReady(Duration.ofSeconds(120), log.toFile());
        return ingest;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** A GET on the management port (actuator: {@code /actuator/prometheus}). */
    String getManagement(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void awaitReady(Duration timeout, File log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the ingest service exited; see " + log);
            }
            try {
                HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (readiness.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the ingest service was not ready in " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
