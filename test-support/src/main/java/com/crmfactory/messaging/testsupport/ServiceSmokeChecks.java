package com.crmfactory.messaging.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * What every service's smoke test checks against the running application: probes on the public port,
 * actuator (Prometheus, env, health details) on the management port only, and the topics it owns (with
 * their partition counts) and its dead-letter topics.
 */
public final class ServiceSmokeChecks {

    // HTTP/1.1: the services speak it; no h2c upgrade dance on every request
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Actuator endpoints that must never answer on the public port. */
    private static final List<String> MANAGEMENT_ONLY = List.of("/actuator", "/actuator/health", "/actuator/prometheus",
            "/actuator/env", "/actuator/metrics", "/actuator/info", "/actuator/health/db");

    private final int port;
    private final int managementPort;

    /** @param port the public port ({@code @LocalServerPort}); managementPort: {@code @LocalManagementPort} */
    public ServiceSmokeChecks(int port, int managementPort) {
        if (port == managementPort) {
            throw new IllegalArgumentException("actuator must have a port of its own, not the public port " + port);
        }
        this.port = port;
        this.managementPort = managementPort;
    }

    /** A GET on the public port. */
    public HttpResponse<String> get(String path) {
        return get(port, path);
    }

    /** A GET on the management port. */
    public HttpResponse<String> getManagement(String path) {
        return get(managementPort, path);
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET :" + port + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Liveness and readiness on the public port (where load balancers and ./omni look), without details. */
    public void probesAreUp() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> response = get(probe);
            assertThat(response.statusCode()).as(probe + ": " + response.body()).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"").doesNotContain("\"details\"");
        }
    }

    public void livenessDoesNotDependOnInfrastructure() {
        assertThat(get("/actuator/health/liveness").body()).doesNotContain("\"db\"").doesNotContain("\"kafka\"");
    }

    public void prometheusIsScraped(String application) {
        HttpResponse<String> prometheus = getManagement("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("application=\"" + application + "\"").contains("jvm_memory_used_bytes");
    }

    /**
     * Metrics, env and health details answer on the management port only: 404 on the public port. The
     * environment is listed with its values masked.
     */
    public void actuatorIsOnlyOnTheManagementPort() {
        for (String path : MANAGEMENT_ONLY) {
            assertThat(get(path).statusCode()).as("public " + path).isEqualTo(404);
        }
        HttpResponse<String> env = getManagement("/actuator/env");
        assertThat(env.statusCode()).as(env.body()).isEqualTo(200);
        assertThat(env.body()).contains("\"propertySources\"").contains("******").doesNotContain("jdbc:postgresql");
        HttpResponse<String> health = getManagement("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"details\"");
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(getManagement(probe).statusCode()).as("management " + probe).isEqualTo(200);
        }
    }

    /** The service's OpenAPI document, which the gateway publishes at {@code /openapi/<service>}. */
    public void openApiIsPublished() {
        HttpResponse<String> document = get("/v3/api-docs");
        assertThat(document.statusCode()).as(document.body()).isEqualTo(200);
        assertThat(document.body()).contains("\"openapi\"");
    }

    /** Waits for the topics (created asynchronously at start-up) and checks their partition counts. */
    public void topicsExist(Map<String, Integer> partitionsByTopic) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafkaBootstrapServers()))) {
            Set<String> expected = partitionsByTopic.keySet();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!admin.listTopics().names().get(5, TimeUnit.SECONDS).containsAll(expected)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("topics not created: " + expected);
                }
                Thread.sleep(200);
            }
            Collection<TopicDescription> descriptions = admin.describeTopics(expected).allTopicNames()
                    .get(5, TimeUnit.SECONDS).values();
            for (TopicDescription description : descriptions) {
                assertThat(description.partitions()).as(description.name())
                        .hasSize(partitionsByTopic.get(description.name()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
