package com.crmfactory.messaging.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.ingest.FixtureExpectations;
import com.crmfactory.messaging.ingest.support.KafkaProbe;
import com.crmfactory.messaging.ingest.support.TenantTopic;
import com.crmfactory.messaging.ingest.support.WebhookClient;
import com.crmfactory.messaging.ingest.tenant.TenantDirectory;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.testsupport.Infrastructure;
import com.crmfactory.messaging.testsupport.RealInfrastructure;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

/**
 * Status callbacks against a real broker, with a configured public base URL (the service sits behind a
 * proxy it cannot see): each fixture becomes a {@code DeliveryStatusReported} keyed by its
 * {@code MessageSid}, with our request id from the signed callback URL, answered 204.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN,
        "platform.webhooks.public-base-url=" + StatusCallbackIT.PUBLIC_BASE})
@RealInfrastructure(database = false)
class StatusCallbackIT {

    static final String PUBLIC_BASE = "https://hooks.example.com";
    private static final String STATUS = WebhookClient.STATUS;
    private static KafkaProbe kafka;

    @LocalServerPort
    int port;
    @Autowired
    TenantDirectory directory;
    @Autowired
    EventCodec codec;

    private WebhookClient client;
    private Map<TopicPartition, Long> mark;

    @BeforeAll
    static void tenants() {
        TenantTopic.publish(Infrastructure.get().kafkaBootstrapServers(), TenantTopic.fixtureOrg());
    }

    @BeforeEach
    void setUp() {
        client = new WebhookClient(port);
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.isLoaded()
                && directory.ownerOf("whatsapp:+15555550100").isPresent() && directory.ownerOf("+15555550100").isPresent());
        if (kafka == null) {
            kafka = new KafkaProbe(Topics.INBOUND, Topics.DELIVERY_STATUS);
        }
        mark = kafka.mark();
    }

    @AfterAll
    static void closeProbe() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    static List<String> statusFixtures() {
        return TwilioFixtures.statusCallbacks();
    }

    @ParameterizedTest
    @MethodSource("statusFixtures")
    void everyFixtureIsPublishedWithTheRequestIdAndAnswered204(String fixture) {
        String path = STATUS + "?requestId=req-" + fixture.hashCode();

        HttpResponse<String> response = client.postSigned(path, PUBLIC_BASE + path, TwilioFixtures.body(fixture));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        DeliveryStatusReported expected = FixtureExpectations.status(fixture, TenantTopic.FIXTURE_ORG, "req-" + fixture.hashCode());
        ConsumerRecord<String, String> record = single();
        assertThat(record.topic()).isEqualTo(Topics.DELIVERY_STATUS);
        assertThat(record.key()).isEqualTo(expected.providerMessageId());
        assertThat(KafkaProbe.headers(record))
                .containsEntry("ce_type", "com.crmfactory.messaging.delivery.delivery-status-reported.v1")
                .containsEntry("org_id", TenantTopic.FIXTURE_ORG);
        assertThat(codec.decode(record).orElseThrow().payload()).usingRecursiveComparison().ignoringFields("reportedAt")
                .isEqualTo(expected);
    }

    @Test
    void withoutARequestIdInTheUrlTheEventHasNone() {
        HttpResponse<String> response = client.postSigned(STATUS, PUBLIC_BASE + STATUS, TwilioFixtures.body("status-delivered.txt"));

        assertThat(response.statusCode()).isEqualTo(204);
        DeliveryStatusReported event = (DeliveryStatusReported) codec.decode(single()).orElseThrow().payload();
        assertThat(event.requestId()).isNull();
    }

    @Test
    void aRequestIdChangedAfterSigningIs403() {
        String body = TwilioFixtures.body("status-sent.txt");

        HttpResponse<String> response = client.postSigned(STATUS + "?requestId=theirs", PUBLIC_BASE + STATUS + "?requestId=ours", body);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void withAPublicBaseUrlTheInternalUrlAndForwardedHeadersDoNotCount() {
        String body = TwilioFixtures.body("status-sent.txt");

        assertThat(client.postSigned(STATUS, client.localUrl(STATUS), body).statusCode()).isEqualTo(403);
        assertThat(client.postSigned(STATUS, "https://proxy.example.org" + STATUS, body,
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "proxy.example.org").statusCode()).isEqualTo(403);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void aMessagingServiceFindsTheOrgWhenFromIsNotOneOfItsNumbers() {
        Map<String, String> params = new LinkedHashMap<>(TwilioFixtures.params("status-sent.txt"));
        params.put("From", "+15555550777");

        assertThat(client.postSigned(STATUS, PUBLIC_BASE + STATUS, TwilioFixtures.encode(params)).statusCode()).isEqualTo(204);
        assertThat(single().headers().lastHeader("org_id").value()).asString().isEqualTo(TenantTopic.FIXTURE_ORG);
    }

    @Test
    void aSenderNoOrgOwnsIs404() {
        Map<String, String> params = new LinkedHashMap<>(TwilioFixtures.params("status-read.txt"));
        params.put("From", "whatsapp:+15555550777");

        HttpResponse<String> response = client.postSigned(STATUS, PUBLIC_BASE + STATUS, TwilioFixtures.encode(params));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(WebhookClient.json(response).get("field").asString()).isEqualTo("From");
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void aCallbackWithoutStatusIs400NamingMessageStatus() {
        Map<String, String> params = new LinkedHashMap<>(TwilioFixtures.params("status-sent.txt"));
        params.remove("MessageStatus");
        params.remove("SmsStatus");

        HttpResponse<String> response = client.postSigned(STATUS, PUBLIC_BASE + STATUS, TwilioFixtures.encode(params));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(WebhookClient.json(response).get("field").asString()).isEqualTo("MessageStatus");
        assertThat(kafka.countSince(mark)).isZero();
    }

    private ConsumerRecord<String, String> single() {
        List<ConsumerRecord<String, String>> records = kafka.since(mark);
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
