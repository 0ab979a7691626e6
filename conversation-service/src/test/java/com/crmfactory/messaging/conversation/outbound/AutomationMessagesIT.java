package com.crmfactory.messaging.conversation.outbound;

import static com.crmfactory.messaging.events.testing.OutboundMessageRequestedBuilder.anOutboundMessageRequested;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.conversation.support.Api;
import com.crmfactory.messaging.conversation.support.ConversationServiceTest;
import com.crmfactory.messaging.conversation.support.Fixtures;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.conversation.MessageRecorded;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;

/** Messages automations send are recorded into the customer's open session, and only there. */
class AutomationMessagesIT extends ConversationServiceTest {

    static final String CONSUMER = "conversation-service.outbound-requests";

    @Override
    protected String orgLabel() {
        return "auto";
    }

    @Test
    void anAutomationMessageToACustomerWithAnOpenSessionIsRecordedThere() {
        String phone = Fixtures.phone();
        String sessionId = conversations.receive(Fixtures.sms(org, phone, "order 1042?"));
        OutboundMessageRequested request = automation(null, OutboundChannel.SMS, phone, "Your order 1042 shipped");

        conversations.awaitProcessed(CONSUMER, Kafka.send(Topics.OUTBOUND_REQUESTS, Fixtures.key(org, Channel.SMS, phone), request));

        assertThat(conversations.messagesWithRequestId(org, request.requestId())).isEqualTo(1);
        Api.Response thread = api.get(org, "/api/v1/conversations/" + sessionId);
        assertThat(thread.at("/messages/items/1/author").asString()).isEqualTo("AUTOMATION");
        assertThat(thread.at("/messages/items/1/authorId").asString()).isEqualTo("workflow-12");
        assertThat(thread.at("/messages/items/1/body").asString()).isEqualTo("Your order 1042 shipped");
        assertThat(thread.at("/conversation/status").asString()).isEqualTo("active");
        MessageRecorded recorded = Kafka.watch(Topics.CONVERSATION_EVENTS).awaitOne(MessageRecorded.class,
                e -> request.requestId().equals(e.message().requestId()));
        assertThat(recorded.message().author()).isEqualTo(Author.AUTOMATION);
        assertThat(recorded.message().sequence()).isEqualTo(2);
    }

    @Test
    void whatsappAndOriginatingRequestsFindTheirSession() {
        String phone = Fixtures.phone();
        MessageReceived whatsapp = Fixtures.whatsapp(org, phone, "hi", null, Instant.now());
        String sessionId = conversations.receive(whatsapp);
        OutboundMessageRequested byAddress = automation(null, OutboundChannel.WHATSAPP, whatsapp.from(), "by address");
        OutboundMessageRequested bySession = automation(sessionId, OutboundChannel.ORIGINATING, whatsapp.from(), "by session");

        conversations.awaitProcessed(CONSUMER, Kafka.send(Topics.OUTBOUND_REQUESTS, whatsapp.conversationKey().value(), byAddress));
        conversations.awaitProcessed(CONSUMER, Kafka.send(Topics.OUTBOUND_REQUESTS, whatsapp.conversationKey().value(), bySession));

        assertThat(conversations.messageCount(sessionId)).isEqualTo(3);
    }

    @Test
    void withoutAnOpenSessionNothingIsRecorded() {
        String stranger = Fixtures.phone();
        OutboundMessageRequested toStranger = automation(null, OutboundChannel.SMS, stranger, "Welcome!");
        String closedPhone = Fixtures.phone();
        String closed = conversations.receive(Fixtures.sms(org, closedPhone, "bye"));
        api.post(org, "/api/v1/conversations/" + closed + "/complete", null);
        OutboundMessageRequested toClosed = automation(null, OutboundChannel.SMS, closedPhone, "We miss you");

        conversations.awaitProcessed(CONSUMER, Kafka.send(Topics.OUTBOUND_REQUESTS, Fixtures.key(org, Channel.SMS, stranger), toStranger));
        conversations.awaitProcessed(CONSUMER, Kafka.send(Topics.OUTBOUND_REQUESTS, Fixtures.key(org, Channel.SMS, closedPhone), toClosed));

        assertThat(conversations.messagesWithRequestId(org, toStranger.requestId())).isZero();
        assertThat(conversations.messagesWithRequestId(org, toClosed.requestId())).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM session WHERE org_id = ? AND customer_address = ?",
                Integer.class, org, stranger)).isZero();
        assertThat(conversations.messageCount(closed)).isEqualTo(1);
    }

    private OutboundMessageRequested automation(String sessionId, OutboundChannel channel, String to, String body) {
        return anOutboundMessageRequested().orgId(org).origin(Origin.AUTOMATION).sessionId(sessionId).channel(channel).to(to)
                .body(body).requestedBy("workflow-12").build();
    }
}
