package com.crmfactory.messaging.agent;

import static com.crmfactory.messaging.events.testing.MessageViewBuilder.aMessageView;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.agent.EscalationRequested;
import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.MessageView;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.MessageRecorded;
import com.crmfactory.messaging.events.conversation.SessionOpened;
import com.crmfactory.messaging.support.web.OrgContext;
import com.crmfactory.messaging.support.web.OrgContextToken;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/agent/classify} (org-scoped) and the agent with its ERP unreachable (a closed
 * port): a request only the ERP can answer is handed to a person, a greeting is still answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@DirtiesContext // one context at a time: they share the consumer group
class ClassifyAndErpOutageIT {

    static final int CLOSED_PORT = closedPort();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("agent.erp.base-url", () -> "http://localhost:" + CLOSED_PORT + "/api/v1");
    }

    @LocalServerPort
    int port;

    @Autowired
    OrgContextToken tokens;

    HttpResponse<String> classify(String body, String orgToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/agent/classify"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (orgToken != null) {
            request.header(OrgContext.HEADER, orgToken);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void classifyNeedsTheSignedOrgContext() throws Exception {
        HttpResponse<String> response = classify("{\"text\":\"where is my order?\"}", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(classify("{\"text\":\"where is my order?\"}", "forged.token").statusCode()).isEqualTo(401);
    }

    @Test
    void classifyReturnsIntentAndConfidenceForTheOrg() throws Exception {
        HttpResponse<String> response = classify("{\"text\":\"I want a refund for my last purchase\"}", tokens.sign("org-a", "ai-agent-service"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("orgId").asString()).isEqualTo("org-a");
        assertThat(body.path("intent").asString()).isEqualTo("get_refund");
        assertThat(body.path("confidence").asDouble()).isBetween(0.5, 1.0);
        JsonNode price = JSON.readTree(classify("{\"text\":\"how much do 50 of those bearings cost?\"}", tokens.sign("org-a", "ai-agent-service")).body());
        assertThat(price.path("intent").asString()).isEqualTo("ask_price");
    }

    @Test
    void classifyRefusesAnEmptyText() throws Exception {
        assertThat(classify("{\"text\":\"\"}", tokens.sign("org-a", "ai-agent-service")).statusCode()).isEqualTo(422);
        assertThat(classify("{\"text\":\"   \"}", tokens.sign("org-a", "ai-agent-service")).statusCode()).isEqualTo(422);
        assertThat(classify("{}", tokens.sign("org-a", "ai-agent-service")).statusCode()).isEqualTo(422);
    }

    @Test
    void erpUnavailableForARequestOnlyTheErpCanAnswerEscalates() {
        String order = session("+15550100001", "where is my order SO-100001?");
        EscalationRequested escalation = Kafka.watch(Topics.AGENT_ACTIONS).awaitOne(EscalationRequested.class,
                e -> e.sessionId().equals(order));
        assertThat(escalation.reason()).isEqualTo("erp_unavailable");
        assertThat(escalation.summary()).contains("SO-100001");
        assertThat(reply(order).text()).contains("can't reach our order system");

        String price = session("+15550100002", "how much is BRG-6204-2RS?");
        assertThat(Kafka.watch(Topics.AGENT_ACTIONS).awaitOne(EscalationRequested.class, e -> e.sessionId().equals(price))
                .reason()).isEqualTo("erp_unavailable");
    }

    @Test
    void aGreetingIsAnsweredWithoutTheErp() throws Exception {
        String id = session("+15550100003", "Hello there!");
        assertThat(reply(id).template().key()).isEqualTo("welcome_menu");
        Thread.sleep(500);
        assertThat(Kafka.watch(Topics.AGENT_ACTIONS).events(EscalationRequested.class, e -> e.sessionId().equals(id))).isEmpty();
    }

    static String session(String phone, String says) {
        String org = "org-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        String id = UUID.randomUUID().toString();
        String key = ConversationKey.of(org, Channel.SMS, phone).value();
        Kafka.send(Topics.CONVERSATION_EVENTS, key, new SessionOpened(org, id, "contact-1", Channel.SMS, phone, "+14155238886",
                SessionStatus.ACTIVE, null, null, Instant.now()));
        MessageView m = aMessageView().from(phone).to("+14155238886").body(says).build();
        Kafka.send(Topics.CONVERSATION_EVENTS, key, new MessageRecorded(org, id, "contact-1", m, Instant.now()));
        return id;
    }

    static ReplyProposed reply(String sessionId) {
        return Kafka.watch(Topics.AGENT_ACTIONS).awaitOne(ReplyProposed.class, r -> r.sessionId().equals(sessionId));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
