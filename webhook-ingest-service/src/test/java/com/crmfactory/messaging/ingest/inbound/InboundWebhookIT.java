package com.crmfactory.messaging.ingest.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.ingest.FixtureExpectations;
import com.crmfactory.messaging.ingest.support.KafkaProbe;
import com.crmfactory.messaging.ingest.support.TenantTopic;
import com.crmfactory.messaging.ingest.support.WatchedTopics;
import com.crmfactory.messaging.ingest.support.WebhookClient;
import com.crmfactory.messaging.ingest.tenant.TenantDirectory;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.testsupport.Infrastructure;
import com.crmfactory.messaging.testsupport.RealInfrastructure;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The inbound message webhook against a real broker: every fixture becomes its event, the answer is empty
 * TwiML, and every way a request can be refused (403, 404, 413, 400) publishes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN)
@RealInfrastructure(database = false)
class InboundWebhookIT {

    private static final String SMS = WebhookClient.SMS;
    @RegisterExtension
    static final WatchedTopics kafka = new WatchedTopics(Topics.INBOUND, Topics.DELIVERY_STATUS);

    @LocalServerPort
    int port;
    @Autowired
    TenantDirectory directory;
    @Autowired
    EventCodec codec;
    @Autowired
    MeterRegistry meters;

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
        mark = kafka.mark();
    }

    static List<String> inboundFixtures() {
        return TwilioFixtures.inbound();
    }

    @ParameterizedTest
    @MethodSource("inboundFixtures")
    void everyFixtureIsPublishedAsItsEventBeforeTheAnswer(String fixture) {
        HttpResponse<String> response = client.postSigned(SMS, client.localUrl(SMS), TwilioFixtures.body(fixture));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<ConsumerRecord<String, String>> records = kafka.since(mark);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        MessageReceived expected = FixtureExpectations.inbound(fixture, TenantTopic.FIXTURE_ORG);
        assertThat(record.topic()).isEqualTo(Topics.INBOUND);
        assertThat(record.key()).isEqualTo(expected.conversationKey().value());
        assertThat(KafkaProbe.headers(record)).containsEntry("ce_type", "com.crmfactory.messaging.inbound.message-received.v1")
                .containsEntry("ce_source", "webhook-ingest-service").containsEntry("ce_subject", record.key())
                .containsEntry("org_id", TenantTopic.FIXTURE_ORG).containsKey("ce_id");
        MessageReceived event = (MessageReceived) codec.decode(record).orElseThrow().payload();
        assertThat(event).usingRecursiveComparison().ignoringFields("receivedAt").isEqualTo(expected);
        assertThat(event.receivedAt()).isCloseTo(java.time.Instant.now(), org.assertj.core.api.Assertions.within(
                1, java.time.temporal.ChronoUnit.MINUTES));
    }

    @Test
    void answersEmptyTwimlAsTextXml() throws Exception {
        HttpResponse<String> response = client.postSigned(SMS, client.localUrl(SMS), TwilioFixtures.body("sms-inbound.txt"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        Document twiml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(response.body())));
        assertThat(twiml.getDocumentElement().getTagName()).isEqualTo("Response");
        assertThat(twiml.getDocumentElement().getChildNodes().getLength()).isZero();
    }

    @Test
    void unknownParametersAreSignedAndAccepted() {
        Map<String, String> params = fixture("sms-inbound.txt");
        params.put("SomeParameterTwilioAddsNextYear", "yes");

        assertThat(client.postSigned(SMS, params).statusCode()).isEqualTo(200);
        assertThat(kafka.countSince(mark)).isEqualTo(1);
    }

    // --- signatures: 403, nothing published --------------------------------------------------------

    @Test
    void aSignatureMadeWithAnotherTokenIs403() {
        String body = TwilioFixtures.body("sms-inbound.txt");
        String signature = TwilioFixtures.sign("0123456789abcdef0123456789abcdef", client.localUrl(SMS), TwilioFixtures.decode(body));

        assertForbidden(client.post(SMS, body, "X-Twilio-Signature", signature));
    }

    @Test
    void aChangedParameterIs403() {
        Map<String, String> params = fixture("sms-inbound.txt");
        String signature = TwilioFixtures.sign(TwilioFixtures.AUTH_TOKEN, client.localUrl(SMS), params);
        params.put("Body", "Refund me twice");

        assertForbidden(client.post(SMS, TwilioFixtures.encode(params), "X-Twilio-Signature", signature));
    }

    @Test
    void anAddedParameterIs403() {
        Map<String, String> params = fixture("sms-inbound.txt");
        String signature = TwilioFixtures.sign(TwilioFixtures.AUTH_TOKEN, client.localUrl(SMS), params);
        params.put("Injected", "1");

        assertForbidden(client.post(SMS, TwilioFixtures.encode(params), "X-Twilio-Signature", signature));
    }

    @Test
    void aMissingSignatureIs403() {
        assertForbidden(client.post(SMS, TwilioFixtures.body("sms-inbound.txt")));
    }

    @Test
    void theFixturesOwnSignatureIsForAnotherUrlAnd403Here() {
        String fixture = "sms-inbound.txt";
        assertForbidden(client.post(SMS, TwilioFixtures.body(fixture), "X-Twilio-Signature",
                TwilioFixtures.signed(fixture).signature()));
    }

    @Test
    void aQueryStringIsPartOfTheSignedUrl() {
        String body = TwilioFixtures.body("sms-inbound.txt");

        assertForbidden(client.postSigned(SMS + "?tenant=other", client.localUrl(SMS), body));
        assertThat(client.postSigned(SMS + "?tenant=other", client.localUrl(SMS + "?tenant=other"), body).statusCode())
                .isEqualTo(200);
    }

    // --- behind a proxy ----------------------------------------------------------------------------

    @Test
    void behindAProxyTheForwardedUrlIsTheSignedOne() {
        String publicUrl = "https://hooks.example.com/api/v1/webhooks/telephony/sms";
        String body = TwilioFixtures.body("whatsapp-inbound-text.txt");
        String[] proxy = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "hooks.example.com", "X-Forwarded-Port", "443"};

        assertThat(client.postSigned(SMS, publicUrl, body, proxy).statusCode()).isEqualTo(200);
        assertThat(kafka.countSince(mark)).isEqualTo(1);

        Map<TopicPartition, Long> before = kafka.mark();
        assertForbidden(client.postSigned(SMS, client.localUrl(SMS), body, proxy), before);
    }

    // --- 404 ---------------------------------------------------------------------------------------

    @Test
    void aNumberNoOrgOwnsIs404ProblemJsonWithAMetric() {
        Map<String, String> params = fixture("sms-inbound.txt");
        params.put("To", "+15555559999");
        double before = rejected("unknown_number");

        HttpResponse<String> response = client.postSigned(SMS, params);

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, "To");
        assertThat(WebhookClient.json(response).get("detail").asString()).doesNotContain("5555559999").contains("9999");
        assertThat(rejected("unknown_number")).isEqualTo(before + 1);
        assertThat(kafka.countSince(mark)).isZero();
    }

    // --- 413 ---------------------------------------------------------------------------------------

    @Test
    void aBodyOver64KiBIs413() {
        Map<String, String> params = fixture("sms-inbound.txt");
        params.put("Body", "x".repeat(70 * 1024));

        HttpResponse<String> response = client.postSigned(SMS, params);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void aChunkedBodyOver64KiBIs413Too() {
        Map<String, String> params = fixture("sms-inbound.txt");
        params.put("Body", "x".repeat(70 * 1024));
        byte[] body = TwilioFixtures.encode(params).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(client.localUrl(SMS)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioFixtures.sign(TwilioFixtures.AUTH_TOKEN, client.localUrl(SMS), params))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void aBodyJustUnder64KiBIsFine() {
        Map<String, String> params = fixture("sms-inbound.txt");
        params.put("Body", "");
        int room = 64 * 1024 - TwilioFixtures.encode(params).length();
        params.put("Body", "y".repeat(room));

        assertThat(client.postSigned(SMS, params).statusCode()).isEqualTo(200);
    }

    // --- 400 ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"MessageSid", "From", "To"})
    void aMissingRequiredParameterIs400NamingIt(String field) {
        Map<String, String> params = fixture("sms-inbound.txt");
        params.remove(field);

        HttpResponse<String> response = client.postSigned(SMS, params);

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, field);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void aJsonBodyIs400NamingTheContentType() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(client.localUrl(SMS)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"MessageSid\":\"SM1\",\"From\":\"+1\",\"To\":\"+2\"}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "Content-Type");
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void aBrokenFormEncodingIs400() {
        HttpResponse<String> response = client.post(SMS, "MessageSid=SM1&Body=100%zz", "X-Twilio-Signature", "x");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "body");
        assertThat(kafka.countSince(mark)).isZero();
    }

    private void assertForbidden(HttpResponse<String> response) {
        assertForbidden(response, mark);
    }

    private void assertForbidden(HttpResponse<String> response, Map<TopicPartition, Long> since) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(WebhookClient.json(response).get("title").asString()).isEqualTo("Invalid signature");
        assertThat(kafka.countSince(since)).isZero();
    }

    private static void assertProblem(HttpResponse<String> response, String field) {
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = WebhookClient.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private double rejected(String reason) {
        var counter = meters.find("ingest.webhooks.rejected").tag("kind", "message").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, String> fixture(String name) {
        return new LinkedHashMap<>(TwilioFixtures.params(name));
    }
}
