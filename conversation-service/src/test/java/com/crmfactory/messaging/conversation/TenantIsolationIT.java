package com.crmfactory.messaging.conversation;

import static com.crmfactory.messaging.events.testing.ReplyProposedBuilder.aReplyProposed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.crmfactory.messaging.conversation.support.Api;
import com.crmfactory.messaging.conversation.support.ConversationIT;
import com.crmfactory.messaging.conversation.support.Conversations;
import com.crmfactory.messaging.conversation.support.Fixtures;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.agent.EscalationRequested;
import com.crmfactory.messaging.events.agent.InsightsUpdated;
import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.support.web.OrgContextToken;

/**
 * The tenant matrix: with org B's context, every read and action on org A's contacts and
 * conversations answers 404 and changes nothing, and B's lists never contain A's rows. Events naming
 * A's session under B's org touch nothing either.
 */
@ConversationIT
class TenantIsolationIT {

    @LocalServerPort
    int port;
    @Autowired
    OrgContextToken tokens;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Conversations conversations;
    String orgA;
    String orgB;
    String contactA;
    String sessionA;
    String sessionB;
    MessageReceived messageA;

    @BeforeEach
    void setUp() {
        api = new Api(port, tokens);
        conversations = new Conversations(jdbc);
        orgA = Fixtures.org("tenant-a");
        orgB = Fixtures.org("tenant-b");
        String phone = Fixtures.phone();
        contactA = api.post(orgA, "/api/v1/contacts", Map.of("name", "Alice of A", "phone", phone)).at("/id").asString();
        messageA = Fixtures.sms(orgA, phone, "A's secret");
        sessionA = conversations.receive(messageA);
        // the same customer number writes to org B too: a separate contact and session there
        sessionB = conversations.receive(Fixtures.sms(orgB, phone, "B's message"));
    }

    @Test
    void everyReadAndActionOnAnotherOrgsDataIs404() {
        Map<String, Api.Response> answers = Map.of(
                "GET contact", api.get(orgB, "/api/v1/contacts/" + contactA),
                "PATCH contact", api.patch(orgB, "/api/v1/contacts/" + contactA, Map.of("name", "Mallory")),
                "GET conversation", api.get(orgB, "/api/v1/conversations/" + sessionA),
                "reply", api.post(orgB, "/api/v1/conversations/reply", Map.of("sessionId", sessionA, "message", "hi")),
                "assign", api.post(orgB, "/api/v1/conversations/" + sessionA + "/assign", Map.of("assignee", "mallory")),
                "escalate", api.post(orgB, "/api/v1/conversations/" + sessionA + "/escalate", null),
                "complete", api.post(orgB, "/api/v1/conversations/" + sessionA + "/complete", null));

        answers.forEach((what, response) -> {
            assertThat(response.status()).as(what + ": " + response.raw()).isEqualTo(404);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        });
        assertUntouched();
    }

    @Test
    void listsAndStatsNeverContainAnotherOrgsRows() {
        List<String> contactsOfB = api.get(orgB, "/api/v1/contacts?size=100").at("/items").findValuesAsString("id");
        assertThat(contactsOfB).hasSize(1).doesNotContain(contactA);
        assertThat(api.get(orgB, "/api/v1/contacts?q=Alice").at("/totalItems").asLong()).isZero();

        assertThat(ids(orgB, "/api/v1/conversations")).containsExactly(sessionB);
        assertThat(ids(orgB, "/api/v1/conversations?sessionId=" + sessionA)).isEmpty();
        assertThat(ids(orgB, "/api/v1/conversations?contactId=" + contactA)).isEmpty();
        assertThat(ids(orgB, "/api/v1/conversations?status=active&channel=sms")).containsExactly(sessionB);
        assertThat(api.get(orgB, "/api/v1/conversations/stats").at("/totalConversations").asLong()).isEqualTo(1);

        assertThat(ids(orgA, "/api/v1/conversations")).containsExactly(sessionA);
        assertThat(api.get(orgA, "/api/v1/contacts/" + contactA).at("/conversations").findValuesAsString("sessionId"))
                .containsExactly(sessionA);
    }

    @Test
    void agentActionsUnderAnotherOrgTouchNothing() {
        String key = messageA.conversationKey().value();
        ReplyProposed proposal = aReplyProposed().orgId(orgB).sessionId(sessionA).text("hijack").build();
        conversations.awaitProcessed("conversation-service.agent-actions", Kafka.send(Topics.AGENT_ACTIONS, key, proposal));
        conversations.awaitProcessed("conversation-service.agent-actions", Kafka.send(Topics.AGENT_ACTIONS, key,
                new EscalationRequested(orgB, sessionA, "customer_request", null, null, null, null, Instant.now())));
        conversations.awaitProcessed("conversation-service.agent-actions", Kafka.send(Topics.AGENT_ACTIONS, key,
                new InsightsUpdated(orgB, sessionA, "stolen", null, "stolen", null, Instant.now())));

        assertUntouched();
        assertThat(api.get(orgA, "/api/v1/conversations/" + sessionA).at("/conversation/intent").isNull()).isTrue();
    }

    private void assertUntouched() {
        Api.Response thread = api.get(orgA, "/api/v1/conversations/" + sessionA);
        assertThat(thread.at("/conversation/status").asString()).isEqualTo("active");
        assertThat(thread.at("/conversation/assignee").isNull()).isTrue();
        assertThat(thread.at("/messages/totalItems").asLong()).isEqualTo(1);
        assertThat(api.get(orgA, "/api/v1/contacts/" + contactA).at("/name").asString()).isEqualTo("Alice of A");
    }

    private List<String> ids(String org, String path) {
        Api.Response response = api.get(org, path);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.at("/items").findValuesAsString("sessionId");
    }
}
