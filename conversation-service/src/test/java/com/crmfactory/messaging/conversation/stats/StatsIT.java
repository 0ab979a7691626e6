package com.crmfactory.messaging.conversation.stats;

import static com.crmfactory.messaging.events.testing.ReplyProposedBuilder.aReplyProposed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.crmfactory.messaging.conversation.session.SessionExpiryService;
import com.crmfactory.messaging.conversation.support.Api;
import com.crmfactory.messaging.conversation.support.ConversationIT;
import com.crmfactory.messaging.conversation.support.Conversations;
import com.crmfactory.messaging.conversation.support.Fixtures;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.agent.InsightsUpdated;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.support.web.OrgContextToken;

import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/conversations/stats}: totals, by status, channel and intent, and the AI resolution ratio. */
@ConversationIT
class StatsIT {

    @LocalServerPort
    int port;
    @Autowired
    OrgContextToken tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SessionExpiryService expiry;

    @Test
    void statsCountTheOrgsConversations() {
        Api api = new Api(port, tokens);
        Conversations conversations = new Conversations(jdbc);
        String org = Fixtures.org("stats");

        // handed to a person (agent reply), then completed
        String humanHandled = conversations.receive(Fixtures.sms(org, Fixtures.phone(), "I need help"));
        api.post(org, "/api/v1/conversations/reply", Map.of("sessionId", humanHandled, "message", "On it"));
        api.post(org, "/api/v1/conversations/" + humanHandled + "/complete", null);
        // answered by the AI, intent purchase, completed
        MessageReceived buy = Fixtures.whatsapp(org, Fixtures.phone(), "two lamps please", null, Instant.now());
        String aiHandled = conversations.receive(buy);
        Kafka.send(Topics.AGENT_ACTIONS, buy.conversationKey().value(),
                new InsightsUpdated(org, aiHandled, "purchase", 0.9, "Two lamps", null, Instant.now()));
        Kafka.send(Topics.AGENT_ACTIONS, buy.conversationKey().value(), aReplyProposed().orgId(org).sessionId(aiHandled)
                .text("Done: 98 EUR").intent("purchase").confidence(0.9).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> conversations.messageCount(aiHandled) == 2);
        api.post(org, "/api/v1/conversations/" + aiHandled + "/complete", null);
        // expired without anyone answering
        String expired = conversations.receive(Fixtures.sms(org, Fixtures.phone(), "hello?"));
        jdbc.update("UPDATE session SET expires_at = now() - interval '1 second' WHERE id = ?::uuid", expired);
        expiry.expireDue();
        // still open
        conversations.receive(Fixtures.sms(org, Fixtures.phone(), "still here"));

        Api.Response response = api.get(org, "/api/v1/conversations/stats");

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode stats = response.body();
        assertThat(stats.at("/totalConversations").asLong()).isEqualTo(4);
        assertThat(stats.at("/byStatus/active").asLong()).isEqualTo(1);
        assertThat(stats.at("/byStatus/completed").asLong()).isEqualTo(2);
        assertThat(stats.at("/byStatus/expired").asLong()).isEqualTo(1);
        assertThat(stats.at("/byStatus/needs_human").asLong()).isZero();
        assertThat(stats.at("/byChannel/sms/conversations").asLong()).isEqualTo(3);
        assertThat(stats.at("/byChannel/whatsapp/conversations").asLong()).isEqualTo(1);
        assertThat(stats.at("/byChannel/whatsapp/averageMessages").asDouble()).isEqualTo(2.0);
        assertThat(stats.at("/byChannel/whatsapp/averageFirstResponseSeconds").asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(stats.at("/byChannel/whatsapp/averageDurationSeconds").asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(stats.at("/byIntent/purchase/conversations").asLong()).isEqualTo(1);
        assertThat(stats.at("/byIntent/unknown/conversations").asLong()).isEqualTo(3);
        assertThat(stats.at("/aiResolution/closedConversations").asLong()).isEqualTo(3);
        assertThat(stats.at("/aiResolution/resolvedWithoutHuman").asLong()).isEqualTo(2);
        assertThat(stats.at("/aiResolution/ratio").asDouble()).isEqualTo(0.6667);

        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(api.get(org, "/api/v1/conversations/stats?from=" + tomorrow).at("/totalConversations").asLong()).isZero();
        assertThat(api.get(org, "/api/v1/conversations/stats?from=" + today + "&to=" + today)
                .at("/totalConversations").asLong()).isEqualTo(4);
        assertThat(api.get(org, "/api/v1/conversations/stats?to=2020-01-01T00:00:00Z").at("/aiResolution/ratio").isNull())
                .isTrue();
        assertThat(api.get(org, "/api/v1/conversations/stats?from=yesterday").at("/errors/0/field").asString())
                .isEqualTo("from");
        assertThat(api.get(org, "/api/v1/conversations/stats?from=" + tomorrow + "&to=" + today).status()).isEqualTo(422);
        assertThat(api.get(Fixtures.org("empty"), "/api/v1/conversations/stats").at("/totalConversations").asLong()).isZero();
    }
}
