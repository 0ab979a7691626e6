package com.crmfactory.messaging.conversation.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.crmfactory.messaging.conversation.inbound.InboundService;
import com.crmfactory.messaging.conversation.support.Api;
import com.crmfactory.messaging.conversation.support.ConversationIT;
import com.crmfactory.messaging.conversation.support.Conversations;
import com.crmfactory.messaging.conversation.support.Fixtures;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.SessionClosed;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.support.web.OrgContextToken;

import tools.jackson.databind.JsonNode;

/**
 * Session windows: the expiry scheduler closes sessions whose window passed (safely with several
 * replicas at once), and a customer message after the window opens a fresh session.
 */
@ConversationIT
class SessionExpiryIT {

    static final String ORG = Fixtures.org("expiry");

    @LocalServerPort
    int port;
    @Autowired
    OrgContextToken tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InboundService inbound;
    @Autowired
    SessionExpiryService expiry;

    Api api;
    Conversations conversations;
    Kafka.Watcher conversationEvents;

    @BeforeEach
    void setUp() {
        api = new Api(port, tokens);
        conversations = new Conversations(jdbc);
        conversationEvents = Kafka.watch(Topics.CONVERSATION_EVENTS);
    }

    @Test
    void anExpiredSessionIsClosedAndTheNextMessageOpensAFreshOne() {
        String phone = Fixtures.phone();
        MessageReceived first = Fixtures.sms(ORG, phone, "first");
        Fixtures.publish(first);
        awaitRecorded(first);
        UUID firstSession = sessionOf(first);
        jdbc.update("UPDATE session SET expires_at = now() - interval '1 minute' WHERE id = ?", firstSession);

        assertThat(expiry.expireDue()).isGreaterThanOrEqualTo(1);

        assertThat(single(api.get(ORG, "/api/v1/conversations?sessionId=" + firstSession)).at("/status").asString())
                .isEqualTo("expired");
        SessionClosed closed = conversationEvents.awaitOne(SessionClosed.class,
                e -> e.sessionId().equals(firstSession.toString()));
        assertThat(closed.status()).isEqualTo(SessionStatus.EXPIRED);
        assertThat(closed.escalated()).isFalse();

        MessageReceived second = Fixtures.sms(ORG, phone, "second");
        Fixtures.publish(second);
        awaitRecorded(second);
        UUID secondSession = sessionOf(second);
        assertThat(secondSession).isNotEqualTo(firstSession);
        Api.Response contact = api.get(ORG, "/api/v1/contacts/" + contactIdOf(phone));
        assertThat(contact.at("/conversations").findValuesAsString("sessionId"))
                .containsExactly(secondSession.toString(), firstSession.toString());
        assertThat(contact.at("/conversations/0/status").asString()).isEqualTo("active");
    }

    @Test
    void aMessageAfterTheWindowOpensAFreshSessionEvenBeforeTheSchedulerRan() {
        String phone = Fixtures.phone();
        MessageReceived old = Fixtures.sms(ORG, phone, "five hours ago", Instant.now().minus(Duration.ofHours(5)));
        Fixtures.publish(old);
        MessageReceived now = Fixtures.sms(ORG, phone, "now");
        Fixtures.publish(now);
        awaitRecorded(now);

        assertThat(sessionOf(now)).isNotEqualTo(sessionOf(old));
        assertThat(jdbc.queryForObject("SELECT status FROM session WHERE id = ?", String.class, sessionOf(old)))
                .isEqualTo("EXPIRED");
        assertThat(jdbc.queryForObject("SELECT status FROM session WHERE id = ?", String.class, sessionOf(now)))
                .isEqualTo("ACTIVE");
    }

    @Test
    void severalSchedulersRunningAtOnceCloseEachExpiredSessionOnce() throws Exception {
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            MessageReceived received = Fixtures.sms(ORG, Fixtures.phone(), "expire me " + i);
            sessions.add(inbound.receive(received).orElseThrow().getSessionId().toString());
        }
        jdbc.update("UPDATE session SET expires_at = now() - interval '1 minute' WHERE org_id = ? AND status = 'ACTIVE'"
                + " AND last_message_preview LIKE 'expire me %'", ORG);

        ExecutorService replicas = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(replicas.submit(() -> {
                start.await();
                return expiry.expireDue();
            }));
        }
        start.countDown();
        for (Future<Integer> run : runs) {
            run.get(30, TimeUnit.SECONDS);
        }
        replicas.shutdown();

        for (String sessionId : sessions) {
            assertThat(jdbc.queryForObject("SELECT status FROM session WHERE id = ?::uuid", String.class, sessionId))
                    .isEqualTo("EXPIRED");
        }
        String last = sessions.get(sessions.size() - 1);
        conversationEvents.awaitOne(SessionClosed.class, e -> e.sessionId().equals(last));
        await().atMost(Duration.ofSeconds(30)).until(() -> conversationEvents.events(SessionClosed.class,
                e -> sessions.contains(e.sessionId())).size() >= sessions.size());
        assertThat(conversationEvents.events(SessionClosed.class, e -> sessions.contains(e.sessionId())))
                .hasSize(sessions.size());
    }

    private void awaitRecorded(MessageReceived received) {
        conversations.awaitRecorded(received);
    }

    private UUID sessionOf(MessageReceived received) {
        return UUID.fromString(conversations.awaitRecorded(received));
    }

    private String contactIdOf(String phone) {
        return jdbc.queryForObject("SELECT id FROM contact WHERE org_id = ? AND phone = ?", UUID.class, ORG, phone)
                .toString();
    }

    private static JsonNode single(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.at("/totalItems").asLong()).as(response.raw()).isEqualTo(1);
        return response.at("/items/0");
    }
}
