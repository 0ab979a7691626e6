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
 * nothing reaches the real broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN,
        // port 1 (tcpmux): nothing listens, so every connection is refused at once (a port found free now
        // could be handed to this very test's Tomcat a moment later)
        "spring.kafka.producer.bootstrap-servers=127.0.0.1:1"})
@RealInfrastructure(database = false)
class KafkaUnavailableIT {

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

    private void awaitTenant() {
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.ownerOf(NUMBER).isPresent());
    }
}
