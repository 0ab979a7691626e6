package com.crmfactory.messaging.conversation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.crmfactory.messaging.conversation.support.Api;
import com.crmfactory.messaging.conversation.support.ConversationServiceTest;
import com.crmfactory.messaging.conversation.support.Fixtures;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.MessageRecorded;
import com.crmfactory.messaging.events.conversation.SessionStatusChanged;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.kafka.IncomingEvent;

/**
 * Agents' replies: recorded, requested on the session's own channel through the outbox, session
 * waiting for the customer; 404/409/422 for what cannot be sent. WhatsApp sessions here stay open 72 h,
 * beyond WhatsApp's 24 h free-form window.
 */
@TestPropertySource(properties = "conversation.sessions.windows.whatsapp=72h")
class ReplyIT extends ConversationServiceTest {

    @Override
    protected String orgLabel() {
        return "reply";
    }

    @Test
    void aReplyIsRecordedRequestedOnTheSessionsChannelAndWaitsForTheCustomer() {
        String phone = Fixtures.phone();
        MessageReceived received = Fixtures.whatsapp(org, phone, "Do you have size 42?", "Ana", Instant.now());
        String sessionId = conversations.receive(received);

        Api.Response reply = api.post(org, "/api/v1/conversations/reply",
                Map.of("sessionId", sessionId, "message", "Yes, in black and brown.", "agentId", "agent-7"));

        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        assertThat(reply.at("/status").asString()).isEqualTo("waiting_reply");
        assertThat(reply.at("/sequence").asLong()).isEqualTo(2);
        String requestId = reply.at("/requestId").asString();
        OutboundMessageRequested request = Kafka.watch(Topics.OUTBOUND_REQUESTS)
                .awaitOne(OutboundMessageRequested.class, e -> e.requestId().equals(requestId));
        assertThat(request.channel()).isEqualTo(OutboundChannel.WHATSAPP);
        assertThat(request.to()).isEqualTo("whatsapp:" + phone);
        assertThat(request.origin()).isEqualTo(Origin.AGENT);
        assertThat(request.sessionId()).isEqualTo(sessionId);
        assertThat(request.body()).isEqualTo("Yes, in black and brown.");
        assertThat(request.requestedBy()).isEqualTo("agent-7");
        IncomingEvent wire = Kafka.watch(Topics.OUTBOUND_REQUESTS).all(e -> e.payload() == request).get(0);
        assertThat(wire.key()).isEqualTo(received.conversationKey().value());

        Api.Response thread = api.get(org, "/api/v1/conversations/" + sessionId);
        assertThat(thread.at("/conversation/status").asString()).isEqualTo("waiting_reply");
        assertThat(thread.at("/messages/items/1/author").asString()).isEqualTo("AGENT");
        assertThat(thread.at("/messages/items/1/authorId").asString()).isEqualTo("agent-7");
        assertThat(thread.at("/messages/items/1/requestId").asString()).isEqualTo(requestId);
        assertThat(thread.at("/messages/items/1/channel").asString()).isEqualTo("whatsapp");
        // the inbox's countdown: 24 h after the customer's message, free-form replies still allowed
        assertThat(thread.at("/conversation/replyWindow/templatesOnly").asBoolean()).isFalse();
        assertThat(Instant.parse(thread.at("/conversation/replyWindow/closesAt").asString()))
                .isEqualTo(Instant.parse(thread.at("/conversation/lastCustomerMessageAt").asString()).plus(Duration.ofHours(24)));

        Kafka.Watcher events = Kafka.watch(Topics.CONVERSATION_EVENTS);
        MessageRecorded recorded = events.awaitOne(MessageRecorded.class,
                e -> requestId.equals(e.message().requestId()));
        assertThat(recorded.message().author()).isEqualTo(Author.AGENT);
        SessionStatusChanged waiting = events.awaitOne(SessionStatusChanged.class,
                e -> e.sessionId().equals(sessionId) && e.status() == SessionStatus.WAITING_REPLY);
        assertThat(waiting.previousStatus()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(waiting.reason()).isEqualTo("agent_reply");

        conversations.receive(Fixtures.whatsapp(org, phone, "Great, black please", "Ana", Instant.now()));
        assertThat(conversations.statusOf(sessionId)).isEqualTo("ACTIVE");
    }

    @Test
    void anSmsSessionIsAnsweredBySms() {
        String phone = Fixtures.phone();
        String sessionId = conversations.receive(Fixtures.sms(org, phone, "hello"));

        String requestId = api.post(org, "/api/v1/conversations/reply", Map.of("sessionId", sessionId, "message", "hi!"))
                .at("/requestId").asString();

        OutboundMessageRequested request = Kafka.watch(Topics.OUTBOUND_REQUESTS)
                .awaitOne(OutboundMessageRequested.class, e -> e.requestId().equals(requestId));
        assertThat(request.channel()).isEqualTo(OutboundChannel.SMS);
        assertThat(request.to()).isEqualTo(phone);
        assertThat(Kafka.watch(Topics.OUTBOUND_REQUESTS).all(e -> e.payload() == request).get(0).key())
                .isEqualTo(Fixtures.key(org, Channel.SMS, phone));
    }

    @Test
    void emptyOrOverlongMessagesAnd422ChangeNothing() {
        String sessionId = conversations.receive(Fixtures.sms(org, Fixtures.phone(), "hello"));

        for (String message : new String[] {"", "   ", "x".repeat(1601)}) {
            Api.Response response = api.post(org, "/api/v1/conversations/reply",
                    Map.of("sessionId", sessionId, "message", message));
            assertThat(response.status()).as(response.raw()).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.at("/errors/0/field").asString()).isEqualTo("message");
        }
        Api.Response noSession = api.post(org, "/api/v1/conversations/reply", Map.of("message", "hi"));
        assertThat(noSession.status()).isEqualTo(422);
        assertThat(noSession.at("/errors/0/field").asString()).isEqualTo("sessionId");
        assertThat(conversations.messageCount(sessionId)).isEqualTo(1);
        assertThat(conversations.statusOf(sessionId)).isEqualTo("ACTIVE");

        Api.Response longest = api.post(org, "/api/v1/conversations/reply",
                Map.of("sessionId", sessionId, "message", "y".repeat(1600)));
        assertThat(longest.status()).as(longest.raw()).isEqualTo(202);
    }

    @Test
    void unknownSessionsAre404() {
        assertThat(api.post(org, "/api/v1/conversations/reply",
                Map.of("sessionId", "8a0c3f7e-4c4b-4c1e-9a51-2f3b7c9d0e11", "message", "hi")).status()).isEqualTo(404);
        assertThat(api.post(org, "/api/v1/conversations/reply", Map.of("sessionId", "nope", "message", "hi")).status())
                .isEqualTo(404);
    }

    @Test
    void closedAndExpiredSessionsAre409() {
        String completed = conversations.receive(Fixtures.sms(org, Fixtures.phone(), "bye"));
        assertThat(api.post(org, "/api/v1/conversations/" + completed + "/complete", null).status()).isEqualTo(200);
        Api.Response toCompleted = api.post(org, "/api/v1/conversations/reply", Map.of("sessionId", completed, "message", "hi"));
        assertThat(toCompleted.status()).as(toCompleted.raw()).isEqualTo(409);
        assertThat(toCompleted.at("/detail").asString()).contains("completed");

        MessageReceived old = Fixtures.sms(org, Fixtures.phone(), "long ago", Instant.now().minus(Duration.ofHours(5)));
        String expired = conversations.receive(old);
        conversations.receive(Fixtures.sms(org, old.from(), "now")); // closes the old session (window passed)
        assertThat(conversations.statusOf(expired)).isEqualTo("EXPIRED");
        Api.Response toExpired = api.post(org, "/api/v1/conversations/reply", Map.of("sessionId", expired, "message", "hi"));
        assertThat(toExpired.status()).isEqualTo(409);
        assertThat(toExpired.at("/detail").asString()).contains("expired");
    }

    @Test
    void aWhatsappSessionPastTheCustomerServiceWindowNeedsATemplate() {
        String phone = Fixtures.phone();
        String sessionId = conversations.receive(Fixtures.whatsapp(org, phone, "hi", null,
                Instant.now().minus(Duration.ofHours(25))));
        assertThat(conversations.statusOf(sessionId)).isEqualTo("ACTIVE");
        // the inbox learns it before trying: templates only
        Api.Response thread = api.get(org, "/api/v1/conversations/" + sessionId);
        assertThat(thread.at("/conversation/replyWindow/templatesOnly").asBoolean()).as(thread.raw()).isTrue();

        Api.Response response = api.post(org, "/api/v1/conversations/reply", Map.of("sessionId", sessionId, "message", "hello?"));

        assertThat(response.status()).as(response.raw()).isEqualTo(422);
        assertThat(response.at("/detail").asString()).contains("template is required");
        assertThat(response.at("/errors/0/field").asString()).isEqualTo("message");
        assertThat(conversations.messageCount(sessionId)).isEqualTo(1);
    }

    @Test
    void repliesNeedTheOrgContext() {
        Api.Response response = api.getWithoutOrg("/api/v1/conversations");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anOrgContextSignedForAnotherServiceIsRefused() {
        Api.Response response = api.getWithTokenFor("template-service", org, "/api/v1/conversations");
        assertThat(response.status()).as(response.raw()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(api.get(org, "/api/v1/conversations").status()).isEqualTo(200);
    }
}
