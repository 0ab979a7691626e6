package com.crmfactory.messaging.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.support.web.ErpWebhookSecret;
import com.crmfactory.messaging.ingest.support.KafkaProbe;
import com.crmfactory.messaging.ingest.support.TenantTopic;
import com.crmfactory.messaging.ingest.support.WebhookClient;
import com.crmfactory.messaging.ingest.tenant.TenantDirectory;
import com.crmfactory.messaging.testsupport.Infrastructure;
import com.crmfactory.messaging.testsupport.RealInfrastructure;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

/**
 * Kafka cannot take the event: the tenant directory reads the real broker, but the producer points at a
 * closed port. Every webhook is answered 503 within a few seconds (Twilio waits 15 s and can retry), and
 * nothing reaches the real broker; the ERP's order-status webhook likewise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN,
        "platform.erp-webhook.secret=" + KafkaUnavailableIT.ERP_MASTER,
        // port 1 (tcpmux): nothing listens, so every connection is refused at once (a port found free now
        // could be handed to this very test's Tomcat a moment later)
        "spring.kafka.producer.bootstrap-servers=127.0.0.1:1"})
@RealInfrastructure(database = false)
class KafkaUnavailableIT {

    static final String ERP_MASTER = "erp-master-kafka-unavailable-0123456789";
    private static final String NUMBER = "+15555550301";
    private static KafkaProbe kafka;

    @LocalServerPort
    int port;
    @Autowired
    TenantDirectory directory;

    @BeforeAll
    static void tenant() {
        TenantTopic.publish(Infrastructure.get().kafkaBootstrapServers(),
                TenantTopic.tenant("org-unavailable", com.crmfactory.messaging.events.common.TenantStatus.ACTIVE,
                        TenantTopic.sms(NUMBER)));
        kafka = new KafkaProbe(Topics.INBOUND, Topics.DELIVERY_STATUS);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void anInboundMessageIs503WithinAFewSecondsAndNothingIsPublished() {
        awaitTenant();
        Map<String, String> params = new LinkedHashMap<>(TwilioFixtures.params("sms-inbound.txt"));
        params.put("To", NUMBER);
        Map<TopicPartition, Long> mark = kafka.mark();

        long started = System.nanoTime();
        HttpResponse<String> response = new WebhookClient(port).postSigned(WebhookClient.SMS, params);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(took).isLessThan(Duration.ofSeconds(8));
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void aStatusCallbackIs503Too() {
        awaitTenant();
        Map<String, String> params = new LinkedHashMap<>(TwilioFixtures.params("status-delivered.txt"));
        params.put("From", NUMBER);
        params.remove("MessagingServiceSid");
        Map<TopicPartition, Long> mark = kafka.mark();

        HttpResponse<String> response = new WebhookClient(port).postSigned(WebhookClient.STATUS, params);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void anErpOrderStatusChangeIs503Too() throws Exception {
        awaitTenant();
        String body = "{\"orderNumber\":\"SO-1\",\"status\":\"shipped\",\"customer\":{\"phone\":\"+14155550123\"}}";
        String timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
        String signature = ErpWebhookSecret.signature(ErpWebhookSecret.derive(ERP_MASTER, "org-unavailable"), timestamp,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (KafkaProbe erp = new KafkaProbe(Topics.ERP_ORDER_STATUS)) {
            Map<TopicPartition, Long> mark = erp.mark();

            HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://localhost:" + port + WebhookKind.ERP_ORDER_STATUS_PATH))
                    .header("Content-Type", "application/json").header(ErpWebhookSecret.ORG_HEADER, "org-unavailable")
                    .header(ErpWebhookSecret.TIMESTAMP_HEADER, timestamp).header(ErpWebhookSecret.SIGNATURE_HEADER, signature)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(erp.countSince(mark)).isZero();
        }
    }

    private void awaitTenant() {
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.ownerOf(NUMBER).isPresent());
    }
}
