package com.crmfactory.messaging.conversation.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.conversation.support.Api;
import com.crmfactory.messaging.conversation.support.ConversationServiceTest;
import com.crmfactory.messaging.conversation.support.Fixtures;
import com.crmfactory.messaging.conversation.support.Templates;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.ApprovalStatus;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.conversation.SessionOpened;
import com.crmfactory.messaging.events.outbound.CustomerOptOutChanged;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.testing.Kafka;

import tools.jackson.databind.JsonNode;

/**
 * Issue 10, items 5 and 6: a person starts a conversation (by template on WhatsApp, by text on SMS; the open one is
 * reused), an opted-out customer (after outbound's CustomerOptOutChanged) is refused with 409 and the contact shows
 * the state per channel; the inbox lists the active conversations by default, status=all gives the rest, q searches
 * message bodies.
 */
class StartConversationIT extends ConversationServiceTest {

    private static final String SID = "HXabcdefabcdefabcdefabcdefabcdefab";

    @Override
    protected String orgLabel() {
        return "start";
    }

    @Test
    void aConversationStartedByTemplateToAContactOnWhatsapp() {
        new Templates(jdbc).publish(org, "order_confirmation", null, "Hi {{customer_name}}, order {{order_number}} is ready.",
                List.of("customer_name", "order_number"), SID, ApprovalStatus.APPROVED);
        String phone = Fixtures.phone();
        String contactId = api.post(org, "/api/v1/contacts", Map.of("name", "Ana", "phone", phone)).at("/id").asString();

        Api.Response text = api.post(org, "/api/v1/conversations", Map.of("contactId", contactId, "channel", "whatsapp",
                "message", "Hello Ana"));
        assertThat(text.status()).as(text.raw()).isEqualTo(422);
        assertThat(text.at("/allowedTemplates/0/key").asString()).isEqualTo("order_confirmation");

        Api.Response started = api.post(org, "/api/v1/conversations", Map.of("contactId", contactId, "channel", "whatsapp",
                "template", Map.of("key", "order_confirmation", "variables", Map.of("customer_name", "Ana",
                        "order_number", "SO-77")), "agentId", "agent-3"));

        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.at("/reused").asBoolean()).isFalse();
        assertThat(started.at("/contactId").asString()).isEqualTo(contactId);
        assertThat(started.at("/status").asString()).isEqualTo("waiting_reply");
        String sessionId = started.at("/sessionId").asString();
        OutboundMessageRequested request = Kafka.watch(Topics.OUTBOUND_REQUESTS).awaitOne(OutboundMessageRequested.class,
                e -> e.requestId().equals(started.at("/requestId").asString()));
        assertThat(request.channel()).isEqualTo(OutboundChannel.WHATSAPP);
        assertThat(request.to()).isEqualTo("whatsapp:" + phone);
        assertThat(request.sessionId()).isEqualTo(sessionId);
        assertThat(request.template().key()).isEqualTo("order_confirmation");
        assertThat(request.template().variables()).containsEntry("order_number", "SO-77");
        assertThat(Kafka.watch(Topics.CONVERSATION_EVENTS).awaitOne(SessionOpened.class,
                e -> e.sessionId().equals(sessionId)).customerAddress()).isEqualTo("whatsapp:" + phone);
        JsonNode thread = api.get(org, "/api/v1/conversations/" + sessionId).body();
        assertThat(thread.at("/messages/items/0/body").asString()).isEqualTo("Hi Ana, order SO-77 is ready.");
        assertThat(thread.at("/messages/items/0/author").asString()).isEqualTo("AGENT");
        assertThat(thread.at("/conversation/lastCustomerMessageAt").isNull()
                || thread.at("/conversation/lastCustomerMessageAt").isMissingNode()).isTrue();

        // a second start reuses the open conversation; the customer's answer lands in it and opens the window
        String answered = conversations.receive(Fixtures.whatsapp(org, phone, "Thanks!", "Ana", Instant.now()));
        assertThat(answered).isEqualTo(sessionId);
        Api.Response again = api.post(org, "/api/v1/conversations", Map.of("contactId", contactId, "channel", "whatsapp",
                "message", "You're welcome"));
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
        assertThat(again.at("/reused").asBoolean()).isTrue();
        assertThat(again.at("/sessionId").asString()).isEqualTo(sessionId);
    }

    @Test
    void aConversationStartedByTextToAnAddressOnSmsAndItsErrors() {
        String phone = Fixtures.phone();
        Api.Response started = api.post(org, "/api/v1/conversations", Map.of("address", phone, "channel", "sms",
                "message", "Your parts arrived."));
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        OutboundMessageRequested request = Kafka.watch(Topics.OUTBOUND_REQUESTS).awaitOne(OutboundMessageRequested.class,
                e -> e.requestId().equals(started.at("/requestId").asString()));
        assertThat(request.channel()).isEqualTo(OutboundChannel.SMS);
        assertThat(request.to()).isEqualTo(phone);
        assertThat(api.get(org, "/api/v1/contacts/" + started.at("/contactId").asString()).at("/phone").asString())
                .isEqualTo(phone);

        assertThat(api.post(org, "/api/v1/conversations", Map.of("address", "12345", "channel", "sms", "message", "x"))
                .at("/errors/0/field").asString()).isEqualTo("address");
        assertThat(api.post(org, "/api/v1/conversations", Map.of("address", phone, "channel", "fax", "message", "x"))
                .at("/errors/0/field").asString()).isEqualTo("channel");
        assertThat(api.post(org, "/api/v1/conversations", Map.of("channel", "sms", "message", "x"))
                .at("/errors/0/field").asString()).isEqualTo("contactId");
        assertThat(api.post(org, "/api/v1/conversations", Map.of("contactId", "8a0c3f7e-4c4b-4c1e-9a51-2f3b7c9d0e11",
                "channel", "sms", "message", "x")).status()).isEqualTo(404);
    }

    @Test
    void anOptedOutContactIsRefusedWith409AndTheContactShowsItPerChannel() {
        String phone = Fixtures.phone();
        String contactId = api.post(org, "/api/v1/contacts", Map.of("name", "Bo", "phone", phone)).at("/id").asString();
        CustomerOptOutChanged stop = new CustomerOptOutChanged(org, Channel.SMS, phone, true, "keyword", Instant.now());
        String ceId = Kafka.send(Topics.OUTBOUND_RESULTS, stop.conversationKey().value(), stop);
        Kafka.send(Topics.OUTBOUND_RESULTS, stop.conversationKey().value(), stop, ceId); // a redelivery changes nothing
        conversations.awaitProcessed("conversation-service.outbound-results", ceId);

        Api.Response refused = api.post(org, "/api/v1/conversations", Map.of("contactId", contactId, "channel", "sms",
                "message", "Hello?"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.at("/detail").asString()).contains("opted out").contains("keyword");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM session WHERE contact_id = ?::uuid", Integer.class, contactId))
                .isZero();

        JsonNode contact = api.get(org, "/api/v1/contacts/" + contactId).body();
        assertThat(contact.at("/optOuts").size()).isEqualTo(1);
        assertThat(contact.at("/optOuts/0/channel").asString()).isEqualTo("sms");
        assertThat(contact.at("/optOuts/0/optedOut").asBoolean()).isTrue();
        assertThat(contact.at("/optOuts/0/source").asString()).isEqualTo("keyword");

        // an older change arriving late never wins; START (newer) opts back in
        Kafka.send(Topics.OUTBOUND_RESULTS, stop.conversationKey().value(),
                new CustomerOptOutChanged(org, Channel.SMS, phone, false, "keyword", stop.occurredAt().minusSeconds(60)));
        CustomerOptOutChanged start = new CustomerOptOutChanged(org, Channel.SMS, phone, false, "keyword",
                stop.occurredAt().plusSeconds(1));
        conversations.awaitProcessed("conversation-service.outbound-results",
                Kafka.send(Topics.OUTBOUND_RESULTS, start.conversationKey().value(), start));
        await().atMost(Duration.ofSeconds(10)).until(() -> !api.get(org, "/api/v1/contacts/" + contactId)
                .at("/optOuts/0/optedOut").asBoolean());
        assertThat(api.post(org, "/api/v1/conversations", Map.of("contactId", contactId, "channel", "sms",
                "message", "Welcome back")).status()).isEqualTo(202);
    }

    @Test
    void theInboxListsActiveConversationsByDefaultAndSearchesBodies() {
        String open = conversations.receive(Fixtures.sms(org, Fixtures.phone(), "Where is my invoice for the gearbox?"));
        String closed = conversations.receive(Fixtures.sms(org, Fixtures.phone(), "Gearbox oil question"));
        assertThat(api.post(org, "/api/v1/conversations/" + closed + "/complete", null).status()).isEqualTo(200);

        assertThat(ids("/api/v1/conversations")).containsExactly(open);
        assertThat(ids("/api/v1/conversations?status=all")).containsExactlyInAnyOrder(open, closed);
        assertThat(ids("/api/v1/conversations?status=completed")).containsExactly(closed);
        assertThat(ids("/api/v1/conversations?sessionId=" + closed)).containsExactly(closed);

        assertThat(ids("/api/v1/conversations?status=all&q=gearbox")).containsExactlyInAnyOrder(open, closed);
        assertThat(ids("/api/v1/conversations?q=GEARB")).containsExactly(open);
        assertThat(ids("/api/v1/conversations?status=all&q=invoice%20gear")).containsExactly(open);
        assertThat(ids("/api/v1/conversations?status=all&q=nothing-like-it")).isEmpty();
        assertThat(ids("/api/v1/conversations?q=%26%7C!")).containsExactly(open); // no words: no text filter
        Api.Response paged = api.get(org, "/api/v1/conversations?status=all&q=gearbox&size=1");
        assertThat(paged.at("/totalItems").asLong()).isEqualTo(2);
        assertThat(paged.at("/items").size()).isEqualTo(1);
    }

    private List<String> ids(String path) {
        Api.Response response = api.get(org, path);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.at("/items").forEach(item -> ids.add(item.at("/sessionId").asString()));
        return ids;
    }
}
