package com.crmfactory.messaging.conversation.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

import com.crmfactory.messaging.conversation.message.Message;
import com.crmfactory.messaging.conversation.support.Api;
import com.crmfactory.messaging.conversation.support.ConversationIT;
import com.crmfactory.messaging.conversation.support.Fixtures;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.MessageRecorded;
import com.crmfactory.messaging.events.conversation.SessionOpened;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.support.kafka.IncomingEvent;
import com.crmfactory.messaging.support.web.OrgContextToken;

import tools.jackson.databind.JsonNode;

/** Customer messages into contacts, sessions and messages, exactly once, with their events. */
@ConversationIT
class InboundIT {

    static final String ORG = Fixtures.org("inbound");

    @LocalServerPort
    int port;
    @Autowired
    OrgContextToken tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InboundService inbound;

    Api api;
    Kafka.Watcher conversationEvents;

    @BeforeEach
    void setUp() {
        api = new Api(port, tokens);
        conversationEvents = Kafka.watch(Topics.CONVERSATION_EVENTS);
    }

    @Test
    void aFirstMessageCreatesContactSessionAndMessageAndEmitsTheirEvents() {
        String phone = Fixtures.phone();
        MessageReceived received = Fixtures.sms(ORG, phone, "Hi, where is my order 1042?");
        Fixtures.publish(received);
        awaitRecorded(received);

        JsonNode row = single(api.get(ORG, "/api/v1/conversations?channel=sms&contactId=" + contactIdOf(phone)));
        assertThat(row.at("/channel").asString()).isEqualTo("sms");
        assertThat(row.at("/status").asString()).isEqualTo("active");
        assertThat(row.at("/customerAddress").asString()).isEqualTo(phone);
        assertThat(row.at("/messageCount").asLong()).isEqualTo(1);
        assertThat(row.at("/lastMessagePreview").asString()).isEqualTo("Hi, where is my order 1042?");
        assertThat(row.at("/contact/phone").asString()).isEqualTo(phone);
        String sessionId = row.at("/sessionId").asString();

        Api.Response thread = api.get(ORG, "/api/v1/conversations/" + sessionId);
        assertThat(thread.status()).isEqualTo(200);
        JsonNode message = thread.at("/messages/items/0");
        assertThat(message.at("/author").asString()).isEqualTo("CUSTOMER");
        assertThat(message.at("/sequence").asLong()).isEqualTo(1);
        assertThat(message.at("/providerMessageId").asString()).isEqualTo(received.providerMessageId());
        assertThat(message.at("/triggerChannel").asString()).isEqualTo("sms");

        SessionOpened opened = conversationEvents.awaitOne(SessionOpened.class, e -> e.sessionId().equals(sessionId));
        assertThat(opened.channel()).isEqualTo(Channel.SMS);
        assertThat(opened.customerAddress()).isEqualTo(phone);
        assertThat(opened.status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(opened.expiresAt()).isEqualTo(received.receivedAt().plus(Duration.ofHours(4)));
        MessageRecorded recorded = conversationEvents.awaitOne(MessageRecorded.class, e -> e.sessionId().equals(sessionId));
        assertThat(recorded.contactId()).isEqualTo(opened.contactId());
        assertThat(recorded.message().body()).isEqualTo(received.body());

        List<IncomingEvent> ofSession = conversationEvents.all(e -> e.key().equals(received.conversationKey().value()));
        assertThat(ofSession).extracting(e -> e.payload().getClass().getSimpleName())
                .containsExactly("SessionOpened", "MessageRecorded");
    }

    @Test
    void aRedeliveredWebhookIsRecordedOnce() {
        String phone = Fixtures.phone();
        MessageReceived received = Fixtures.sms(ORG, phone, "twice?");
        for (int i = 0; i < 10; i++) {
            Fixtures.publish(received); // ten copies, each with its own ce_id, as ten webhook calls produce
        }
        MessageReceived next = Fixtures.sms(ORG, phone, "next");
        Fixtures.publish(next);
        awaitRecorded(next);
        conversationEvents.awaitOne(MessageRecorded.class, e -> next.providerMessageId().equals(e.message().providerMessageId()));

        assertThat(messagesWithSid(received.providerMessageId())).isEqualTo(1);
        assertThat(conversationEvents.events(MessageRecorded.class,
                e -> received.providerMessageId().equals(e.message().providerMessageId()))).hasSize(1);
        assertThat(sequencesOf(phone)).containsExactly(1L, 2L);
    }

    @Test
    void tenConcurrentCopiesOfOneWebhookStoreOneMessage() throws Exception {
        String phone = Fixtures.phone();
        MessageReceived received = Fixtures.sms(ORG, phone, "concurrent");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Message>>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return inbound.receive(received);
            }));
        }
        start.countDown();
        int recorded = 0;
        for (Future<Optional<Message>> result : results) {
            recorded += result.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(recorded).isEqualTo(1);
        assertThat(messagesWithSid(received.providerMessageId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM session WHERE org_id = ? AND customer_address = ?",
                Integer.class, ORG, phone)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact WHERE org_id = ? AND phone = ?", Integer.class,
                ORG, phone)).isEqualTo(1);
        MessageReceived next = Fixtures.sms(ORG, phone, "after");
        inbound.receive(next);
        conversationEvents.awaitOne(MessageRecorded.class, e -> next.providerMessageId().equals(e.message().providerMessageId()));
        assertThat(conversationEvents.events(MessageRecorded.class,
                e -> received.providerMessageId().equals(e.message().providerMessageId()))).hasSize(1);
        assertThat(conversationEvents.events(SessionOpened.class,
                e -> e.orgId().equals(ORG) && e.customerAddress().equals(phone))).hasSize(1);
    }

    @Test
    void mmsJoinsTheSmsConversationAndWhatsappOfTheSameNumberIsTheSameContact() {
        String phone = Fixtures.phone();
        MessageReceived text = Fixtures.sms(ORG, phone, "text");
        MessageReceived picture = Fixtures.mms(ORG, phone, "", "https://api.twilio.com/media/ME1");
        MessageReceived whatsapp = Fixtures.whatsapp(ORG, phone, "hola", "Maria", Instant.now());
        Fixtures.publish(text);
        Fixtures.publish(picture);
        Fixtures.publish(whatsapp);
        awaitRecorded(picture);
        awaitRecorded(whatsapp);

        assertThat(sessionOf(picture)).isEqualTo(sessionOf(text));
        assertThat(sessionOf(whatsapp)).isNotEqualTo(sessionOf(text));
        Api.Response thread = api.get(ORG, "/api/v1/conversations/" + sessionOf(picture));
        assertThat(thread.at("/messages/items/1/triggerChannel").asString()).isEqualTo("mms");
        assertThat(thread.at("/messages/items/1/media/0/url").asString()).isEqualTo("https://api.twilio.com/media/ME1");
        assertThat(thread.at("/conversation/lastMessagePreview").asString()).isEqualTo("[media]");

        Api.Response contact = api.get(ORG, "/api/v1/contacts/" + contactIdOf(phone));
        assertThat(contact.at("/whatsappAddress").asString()).isEqualTo("whatsapp:" + phone);
        assertThat(contact.at("/whatsappProfileName").asString()).isEqualTo("Maria");
        assertThat(contact.at("/conversationsTotal").asLong()).isEqualTo(2);
        SessionOpened opened = conversationEvents.awaitOne(SessionOpened.class,
                e -> e.sessionId().equals(sessionOf(whatsapp).toString()));
        assertThat(opened.contactName()).isEqualTo("Maria");
        assertThat(opened.expiresAt()).isEqualTo(whatsapp.receivedAt().plus(Duration.ofHours(24)));
    }

    private void awaitRecorded(MessageReceived received) {
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesWithSid(received.providerMessageId()) == 1);
    }

    private int messagesWithSid(String sid) {
        return jdbc.queryForObject("SELECT count(*) FROM message WHERE org_id = ? AND provider_message_id = ?",
                Integer.class, ORG, sid);
    }

    private UUID sessionOf(MessageReceived received) {
        return jdbc.queryForObject("SELECT session_id FROM message WHERE org_id = ? AND provider_message_id = ?",
                UUID.class, ORG, received.providerMessageId());
    }

    private String contactIdOf(String phone) {
        return jdbc.queryForObject("SELECT id FROM contact WHERE org_id = ? AND phone = ?", UUID.class, ORG, phone)
                .toString();
    }

    private List<Long> sequencesOf(String phone) {
        return jdbc.queryForList("""
                SELECT m.sequence FROM message m JOIN session s ON s.id = m.session_id
                WHERE s.org_id = ? AND s.customer_address = ? ORDER BY m.sequence""", Long.class, ORG, phone);
    }

    private static JsonNode single(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.at("/totalItems").asLong()).as(response.raw()).isEqualTo(1);
        return response.at("/items/0");
    }
}
