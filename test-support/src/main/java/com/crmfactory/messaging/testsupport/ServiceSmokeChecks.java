package com.crmfactory.messaging.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * What every service's smoke test checks against the running application: probes, Prometheus,
 * and the topics it owns (with their partition counts) and its dead-letter topics.
 */
public final class ServiceSmokeChecks {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    public ServiceSmokeChecks(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void probesAreUp() {
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
    }

    public void livenessDoesNotDependOnInfrastructure() {
        assertThat(get("/actuator/health/liveness").body()).doesNotContain("\"db\"").doesNotContain("\"kafka\"");
    }

    public void prometheusIsScraped(String application) {
        HttpResponse<String> prometheus = get("/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("application=\"" + application + "\"").contains("jvm_memory_used_bytes");
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
