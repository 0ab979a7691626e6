package com.crmfactory.messaging.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.testsupport.Infrastructure;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbound path end to end, each service in its own JVM on a real broker and PostgreSQL: a signed
 * Twilio fixture posted to the gateway reaches the ingest service, becomes a conversation that the
 * org reads back through the gateway with its API key, and an agent's reply through the gateway
 * becomes an {@code OutboundMessageRequested} on the customer's channel.
 */
class InboundToReplyE2EIT {

    private static final String API_KEY = "omk_e2e_" + UUID.randomUUID().toString().replace("-", "");
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private static ServiceProcess gateway;
    private static ServiceProcess ingest;
    private static ServiceProcess conversation;

    @BeforeAll
    static void startServices() throws Exception {
        StackEnvironment stack = new StackEnvironment();

        conversation = ServiceProcess.start("conversation-service",
                stack.withDatabase("e2e_conversation"));
        ingest = ServiceProcess.start("webhook-ingest-service", stack.common());
        conversation.awaitReady(Duration.ofSeconds(150));
        ingest.awaitReady(Duration.ofSeconds(150));

        Map<String, String> gatewayEnv = stack.withDatabase("e2e_gateway");
        gatewayEnv.put("PLATFORM_BOOTSTRAP_API_KEY", API_KEY);
        gatewayEnv.put("SERVICES_CONVERSATION_URL", conversation.url());
        gatewayEnv.put("SERVICES_WEBHOOK_INGEST_URL", ingest.url());
        gateway = ServiceProcess.start("gateway-service", gatewayEnv);
        gateway.awaitReady(Duration.ofSeconds(150));
    }

    @AfterAll
    static void stopServices() throws Exception {
        for (ServiceProcess process : new ServiceProcess[] {gateway, ingest, conversation}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    void aSignedWebhookBecomesAConversationThatTheOrgReadsAndRepliesToThroughTheGateway() throws Exception {
        HttpResponse<String> webhook = postSignedFixtureUntilTheNumberIsKnown("sms-inbound.txt");
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);
        assertThat(webhook.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));

        JsonNode row = awaitConversation();
        assertThat(row.path("channel").asString()).isEqualTo("sms");
        assertThat(row.path("customerAddress").asString()).isEqualTo(TwilioFixtures.CUSTOMER_NUMBER);
        String sessionId = row.path("sessionId").asString();

        JsonNode thread = json.readTree(api("GET", "/api/v1/conversations/" + sessionId, null).body());
        assertThat(thread.path("messages").path("items").get(0).path("body").asString())
                .isEqualTo("Ahoy! Let's build something amazing.");
        assertThat(thread.path("messages").path("items").get(0).path("author").asString()).isEqualTo("CUSTOMER");

        HttpResponse<String> reply = api("POST", "/api/v1/conversations/reply",
                "{\"sessionId\":\"" + sessionId + "\",\"message\":\"Thanks! An agent is on it.\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(202);

        JsonNode request = awaitOutboundRequest(sessionId);
        assertThat(request.path("channel").asString()).isIn("sms", "originating");
        assertThat(request.path("to").asString()).isEqualTo(TwilioFixtures.CUSTOMER_NUMBER);
        assertThat(request.path("body").asString()).isEqualTo("Thanks! An agent is on it.");
        assertThat(request.path("origin").asString()).isEqualTo("AGENT");

        assertThat(api("GET", "/api/v1/conversations?sessionId=" + sessionId, null).body()).contains("waiting_reply");
    }

    @Test
    void withoutAnApiKeyTheInboxIsClosed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/conversations")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    }

    @Test
    void theServicesOpenApiDocumentsArePublishedThroughTheGateway() throws Exception {
        for (String service : new String[] {"conversation", "webhook-ingest"}) {
            HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/openapi/" + service))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(document.statusCode()).as(service).isEqualTo(200);
            assertThat(json.readTree(document.body()).path("openapi").asString()).as(service).startsWith("3.");
        }
        assertThat(http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/openapi/conversation")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("/api/v1/conversations/reply");
    }

    /** The ingest learns the org's numbers from platform.tenants.v1 shortly after the gateway created them. */
    private HttpResponse<String> postSignedFixtureUntilTheNumberIsKnown(String fixture) throws Exception {
        String url = gateway.url() + "/api/v1/webhooks/telephony/sms";
        Map<String, String> params = TwilioFixtures.params(fixture);
        String signature = TwilioFixtures.sign(TwilioFixtures.AUTH_TOKEN, url, params);
        HttpResponse<String> response = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(TwilioFixtures.body(fixture))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 404 && response.statusCode() != 503) {
                return response;
            }
            Thread.sleep(500);
        }
        return response;
    }

    private JsonNode awaitConversation() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> list = api("GET", "/api/v1/conversations", null);
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            JsonNode items = json.readTree(list.body()).path("items");
            if (items.size() > 0) {
                return items.get(0);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no conversation appeared through the gateway");
    }

    private static JsonNode awaitOutboundRequest(String sessionId) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.OUTBOUND_REQUESTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode event = json.readTree(record.value());
                    if (sessionId.equals(event.path("sessionId").asString())) {
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("no OutboundMessageRequested for session " + sessionId);
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url() + path))
                .header("Authorization", "Bearer " + API_KEY).timeout(Duration.ofSeconds(15));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
