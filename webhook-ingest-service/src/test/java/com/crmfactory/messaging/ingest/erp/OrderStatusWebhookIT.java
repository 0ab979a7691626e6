package com.crmfactory.messaging.ingest.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.events.erp.OrderStatusChanged;
import com.crmfactory.messaging.ingest.support.KafkaProbe;
import com.crmfactory.messaging.ingest.support.TenantTopic;
import com.crmfactory.messaging.ingest.support.WatchedTopics;
import com.crmfactory.messaging.ingest.tenant.TenantDirectory;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.support.web.ErpWebhookSecret;
import com.crmfactory.messaging.testsupport.Infrastructure;
import com.crmfactory.messaging.testsupport.RealInfrastructure;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

/**
 * The ERP order-status webhook against a real broker: a request signed with the org's derived secret becomes one
 * {@code OrderStatusChanged} on {@code erp.order-status.v1}; a retry is the same event ({@code ce_id}); a replayed
 * old timestamp, a changed body, another org's secret, an unknown org, a missing header and a bad body are refused
 * with problem+json and publish nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN,
                "platform.erp-webhook.secret=" + OrderStatusWebhookIT.MASTER,
                "platform.erp-webhook.additional-secrets=" + OrderStatusWebhookIT.OLD_MASTER})
@RealInfrastructure(database = false)
class OrderStatusWebhookIT {

    static final String MASTER = "erp-master-secret-for-tests-0123456789";
    static final String OLD_MASTER = "erp-previous-master-secret-9876543210";
    static final String ORG = "org-erp";
    static final String OTHER_ORG = "org-erp-other";
    static final String SUSPENDED_ORG = "org-erp-suspended";
    static final String PATH = "/api/v1/webhooks/erp/order-status";
    static final String BODY = """
            {"orderNumber":"SO-10042","status":"shipped","previousStatus":"confirmed",\
            "customer":{"phone":"+14155550123","email":"jane@customer.example","name":"Jane Doe"},\
            "carrier":"UPS","trackingUrl":"https://track.example/1Z999","lines":[{"sku":"HB-10","qty":250}],"note":null}""";
    @RegisterExtension
    static final WatchedTopics kafka = new WatchedTopics(Topics.ERP_ORDER_STATUS);

    @LocalServerPort
    int port;
    @Autowired
    TenantDirectory directory;
    @Autowired
    EventCodec codec;

    private final HttpClient http = HttpClient.newHttpClient();
    private Map<TopicPartition, Long> mark;

    @BeforeAll
    static void tenants() {
        String bootstrap = Infrastructure.get().kafkaBootstrapServers();
        TenantTopic.publish(bootstrap, TenantTopic.tenant(ORG, TenantStatus.ACTIVE));
        TenantTopic.publish(bootstrap, TenantTopic.tenant(OTHER_ORG, TenantStatus.ACTIVE));
        TenantTopic.publish(bootstrap, TenantTopic.tenant(SUSPENDED_ORG, TenantStatus.SUSPENDED));
    }

    @BeforeEach
    void setUp() {
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.isLoaded()
                && directory.statusOf(ORG).isPresent() && directory.statusOf(OTHER_ORG).isPresent()
                && directory.statusOf(SUSPENDED_ORG).isPresent());
        mark = kafka.mark();
    }

    @Test
    void aSignedChangeBecomesOneOrderStatusChanged() {
        HttpResponse<String> response = post(signed(ORG, secretOf(ORG), now(), BODY));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        List<ConsumerRecord<String, String>> records = kafka.since(mark);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo(ORG + ":SO-10042");
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("com.crmfactory.messaging.erp.order-status-changed.v1");
        assertThat(KafkaProbe.header(record, "org_id")).isEqualTo(ORG);
        assertThat(response.body()).contains(KafkaProbe.header(record, "ce_id"));
        OrderStatusChanged event = decode(record);
        assertThat(event.orgId()).isEqualTo(ORG);
        assertThat(event.orderNumber()).isEqualTo("SO-10042");
        assertThat(event.status()).isEqualTo("shipped");
        assertThat(event.previousStatus()).isEqualTo("confirmed");
        assertThat(event.customerPhone()).isEqualTo("+14155550123");
        assertThat(event.customerEmail()).isEqualTo("jane@customer.example");
        assertThat(event.customerName()).isEqualTo("Jane Doe");
        assertThat(event.attributes()).containsEntry("carrier", "UPS")
                .containsEntry("trackingUrl", "https://track.example/1Z999").containsKey("lines").doesNotContainKey("note");
    }

    @Test
    void aRetriedWebhookIsTheSameEvent() {
        Signed request = signed(ORG, secretOf(ORG), now(), BODY);

        assertThat(post(request).statusCode()).isEqualTo(202);
        assertThat(post(request).statusCode()).isEqualTo(202);

        List<ConsumerRecord<String, String>> records = kafka.since(mark);
        assertThat(records).hasSize(2);
        assertThat(KafkaProbe.header(records.get(0), "ce_id")).isEqualTo(KafkaProbe.header(records.get(1), "ce_id"));
    }

    @Test
    void aResignedRetryWithTheErpsEventIdIsTheSameEvent() {
        String body = "{\"eventId\":\"evt-77\",\"orderNumber\":\"SO-1\",\"status\":\"packed\",\"customer\":{\"email\":\"a@b.example\"}}";

        assertThat(post(signed(ORG, secretOf(ORG), now(), body)).statusCode()).isEqualTo(202);
        assertThat(post(signed(ORG, secretOf(ORG), now() - 30, body)).statusCode()).isEqualTo(202);
        assertThat(post(signed(OTHER_ORG, secretOf(OTHER_ORG), now(), body)).statusCode()).isEqualTo(202);

        List<ConsumerRecord<String, String>> records = kafka.since(mark);
        assertThat(records).hasSize(3);
        assertThat(KafkaProbe.header(records.get(0), "ce_id")).isEqualTo(KafkaProbe.header(records.get(1), "ce_id"));
        assertThat(KafkaProbe.header(records.get(2), "ce_id")).as("another org never shares an id")
                .isNotEqualTo(KafkaProbe.header(records.get(0), "ce_id"));
        assertThat(decode(records.get(0)).attributes()).doesNotContainKey("eventId");
    }

    @Test
    void aNumericOrderNumberIsTakenAsText() {
        String body = "{\"orderNumber\":10042,\"status\":\"shipped\",\"customer\":{\"phone\":\"+14155550123\"}}";

        assertThat(post(signed(ORG, secretOf(ORG), now(), body)).statusCode()).isEqualTo(202);
        ConsumerRecord<String, String> record = kafka.since(mark).get(0);
        assertThat(record.key()).isEqualTo(ORG + ":10042");
        assertThat(decode(record).orderNumber()).isEqualTo("10042");
    }

    @Test
    void theSecretOfTheMasterBeingRotatedOutIsStillAccepted() {
        String oldSecret = ErpWebhookSecret.derive(OLD_MASTER, ORG);

        assertThat(post(signed(ORG, oldSecret, now(), BODY)).statusCode()).isEqualTo(202);
        assertThat(kafka.countSince(mark)).isEqualTo(1);
    }

    @Test
    void aReplayedOldTimestampIsRefused() {
        HttpResponse<String> old = post(signed(ORG, secretOf(ORG), now() - 6 * 60, BODY));
        HttpResponse<String> future = post(signed(ORG, secretOf(ORG), now() + 6 * 60, BODY));

        assertRefused(old, 401, ErpWebhookSecret.TIMESTAMP_HEADER);
        assertRefused(future, 401, ErpWebhookSecret.TIMESTAMP_HEADER);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void aChangedBodyIsRefused() {
        Signed genuine = signed(ORG, secretOf(ORG), now(), BODY);
        Signed tampered = new Signed(genuine.orgId(), genuine.timestamp(), genuine.signature(),
                BODY.replace("shipped", "cancelled"));

        assertRefused(post(tampered), 401, ErpWebhookSecret.SIGNATURE_HEADER);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void anotherOrgsSecretIsRefused() {
        Signed asOther = signed(OTHER_ORG, secretOf(OTHER_ORG), now(), BODY);
        Signed claimingOrg = new Signed(ORG, asOther.timestamp(), asOther.signature(), BODY);

        assertRefused(post(claimingOrg), 401, ErpWebhookSecret.SIGNATURE_HEADER);
        assertRefused(post(signed(ORG, ErpWebhookSecret.derive("not-the-master", ORG), now(), BODY)), 401,
                ErpWebhookSecret.SIGNATURE_HEADER);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void anUnknownOrSuspendedOrgIsNotFound() {
        assertRefused(post(signed("org-nobody", secretOf("org-nobody"), now(), BODY)), 404, ErpWebhookSecret.ORG_HEADER);
        assertRefused(post(signed(SUSPENDED_ORG, secretOf(SUSPENDED_ORG), now(), BODY)), 404, ErpWebhookSecret.ORG_HEADER);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void missingHeadersAreRefused() {
        Signed genuine = signed(ORG, secretOf(ORG), now(), BODY);

        assertRefused(post(new Signed(null, genuine.timestamp(), genuine.signature(), BODY)), 401, ErpWebhookSecret.ORG_HEADER);
        assertRefused(post(new Signed(ORG, null, genuine.signature(), BODY)), 401, ErpWebhookSecret.TIMESTAMP_HEADER);
        assertRefused(post(new Signed(ORG, genuine.timestamp(), null, BODY)), 401, ErpWebhookSecret.SIGNATURE_HEADER);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void aBadBodyIsRefusedNamingTheField() {
        assertRefused(post(signed(ORG, secretOf(ORG), now(),
                "{\"orderNumber\":\"SO-2\",\"status\":\"shipped\",\"customer\":{\"phone\":\"0415 555 0123\"}}")), 400,
                "customer.phone");
        assertRefused(post(signed(ORG, secretOf(ORG), now(),
                "{\"orderNumber\":\"SO-2\",\"status\":\"shipped\",\"customer\":{\"email\":\"not-an-address\"}}")), 400,
                "customer.email");
        assertRefused(post(signed(ORG, secretOf(ORG), now(),
                "{\"orderNumber\":\"SO-2\",\"status\":\"shipped\",\"customer\":{\"name\":\"Jane\"}}")), 400,
                "customer.phone");
        assertRefused(post(signed(ORG, secretOf(ORG), now(),
                "{\"orderNumber\":\"SO-2\",\"status\":\"  \",\"customer\":{\"phone\":\"+14155550123\"}}")), 400, "status");
        assertRefused(post(signed(ORG, secretOf(ORG), now(),
                "{\"status\":\"shipped\",\"customer\":{\"phone\":\"+14155550123\"}}")), 400, "orderNumber");
        assertRefused(post(signed(ORG, secretOf(ORG), now(),
                "{\"orderNumber\":\"SO-2\",\"status\":{\"code\":1},\"customer\":{\"phone\":\"+14155550123\"}}")), 400, "status");
        assertRefused(post(signed(ORG, secretOf(ORG), now(), "[1,2]")), 400, "body");
        assertThat(kafka.countSince(mark)).isZero();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    private static String secretOf(String orgId) {
        return ErpWebhookSecret.derive(MASTER, orgId);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static Signed signed(String orgId, String secret, long timestamp, String body) {
        String ts = Long.toString(timestamp);
        return new Signed(orgId, ts, ErpWebhookSecret.signature(secret, ts, body.getBytes(StandardCharsets.UTF_8)), body);
    }

    private record Signed(String orgId, String timestamp, String signature, String body) {
    }

    private HttpResponse<String> post(Signed request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.orgId() != null) {
            builder.header(ErpWebhookSecret.ORG_HEADER, request.orgId());
        }
        if (request.timestamp() != null) {
            builder.header(ErpWebhookSecret.TIMESTAMP_HEADER, request.timestamp());
        }
        if (request.signature() != null) {
            builder.header(ErpWebhookSecret.SIGNATURE_HEADER, request.signature());
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private OrderStatusChanged decode(ConsumerRecord<String, String> record) {
        return (OrderStatusChanged) codec.decode(record).orElseThrow().payload();
    }
}
