package com.crmfactory.messaging.conversation.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.conversation.support.Api;
import com.crmfactory.messaging.conversation.support.ConversationServiceTest;
import com.crmfactory.messaging.conversation.support.Fixtures;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.SessionAssigned;
import com.crmfactory.messaging.events.conversation.SessionClosed;
import com.crmfactory.messaging.events.conversation.SessionEscalated;
import com.crmfactory.messaging.events.outbound.OutboundDeliveryUpdated;
import com.crmfactory.messaging.events.outbound.OutboundMessageAccepted;
import com.crmfactory.messaging.events.outbound.OutboundMessageFailed;

import tools.jackson.databind.JsonNode;

/** The inbox: list filters and pages, assign / escalate / complete, delivery status of what was sent. */
class InboxIT extends ConversationServiceTest {

    @Override
    protected String orgLabel() {
        return "inbox";
    }

    @Test
    void theListIsPagedNewestFirstAndFiltered() {
        String first = conversations.receive(Fixtures.sms(org, Fixtures.phone(), "one", Instant.now().minusSeconds(30)));
        String second = conversations.receive(Fixtures.whatsapp(org, Fixtures.phone(), "two", null, Instant.now().minusSeconds(20)));
        String third = conversations.receive(Fixtures.sms(org, Fixtures.phone(), "three", Instant.now().minusSeconds(10)));

        Api.Response page0 = api.get(org, "/api/v1/conversations?size=2");
        assertThat(page0.at("/totalItems").asLong()).isEqualTo(3);
        assertThat(page0.at("/totalPages").asInt()).isEqualTo(2);
        assertThat(page0.at("/size").asInt()).isEqualTo(2);
        assertThat(page0.at("/items").findValuesAsString("sessionId")).containsExactly(third, second);
        Api.Response page1 = api.get(org, "/api/v1/conversations?size=2&page=1");
        assertThat(page1.at("/page").asInt()).isEqualTo(1);
        assertThat(page1.at("/items").findValuesAsString("sessionId")).containsExactly(first);

        assertThat(ids("/api/v1/conversations?channel=whatsapp")).containsExactly(second);
        assertThat(ids("/api/v1/conversations?channel=sms&status=active")).containsExactly(third, first);
        assertThat(ids("/api/v1/conversations?sessionId=" + first)).containsExactly(first);
        assertThat(ids("/api/v1/conversations?contactId=" + conversations.contactOf(second))).containsExactly(second);
        assertThat(ids("/api/v1/conversations?status=closed")).isEmpty();
        assertThat(ids("/api/v1/conversations?sessionId=not-an-id")).isEmpty();

        assertThat(api.get(org, "/api/v1/conversations?size=101").at("/errors/0/field").asString()).isEqualTo("size");
        assertThat(api.get(org, "/api/v1/conversations?page=-1").status()).isEqualTo(422);
        assertThat(api.get(org, "/api/v1/conversations?status=bogus").at("/errors/0/field").asString()).isEqualTo("status");
        assertThat(api.get(org, "/api/v1/conversations?channel=fax").at("/errors/0/field").asString()).isEqualTo("channel");
    }

    @Test
    void aThreadOpensAtItsNewestPage() {
        String phone = Fixtures.phone();
        Instant start = Instant.now().minusSeconds(60);
        String sessionId = conversations.receive(Fixtures.sms(org, phone, "message 1", start));
        for (int i = 2; i <= 5; i++) {
            conversations.receive(Fixtures.sms(org, phone, "message " + i, start.plusSeconds(i)));
        }

        Api.Response newest = api.get(org, "/api/v1/conversations/" + sessionId + "?newest=true&size=2");
        assertThat(newest.at("/messages/page").asInt()).as(newest.raw()).isEqualTo(2);
        assertThat(newest.at("/messages/totalItems").asLong()).isEqualTo(5);
        assertThat(newest.at("/messages/items").findValuesAsString("body")).containsExactly("message 5");
        Api.Response pagesOfFour = api.get(org, "/api/v1/conversations/" + sessionId + "?newest=true&size=4");
        assertThat(pagesOfFour.at("/messages/page").asInt()).isEqualTo(1);
        assertThat(pagesOfFour.at("/messages/items").findValuesAsString("body")).containsExactly("message 5");
        Api.Response all = api.get(org, "/api/v1/conversations/" + sessionId + "?newest=true&size=5");
        assertThat(all.at("/messages/page").asInt()).isEqualTo(0);
        assertThat(all.at("/messages/items").findValuesAsString("body"))
                .containsExactly("message 1", "message 2", "message 3", "message 4", "message 5");
    }

    @Test
    void agentsAssignEscalateAndComplete() {
        String sessionId = conversations.receive(Fixtures.sms(org, Fixtures.phone(), "I want to talk to a person"));

        Api.Response assigned = api.post(org, "/api/v1/conversations/" + sessionId + "/assign",
                Map.of("assignee", "alice", "assignedBy", "bob"));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        assertThat(assigned.at("/assignee").asString()).isEqualTo("alice");
        assertThat(assigned.at("/humanInvolved").asBoolean()).isTrue();
        SessionAssigned assignedEvent = Kafka.watch(Topics.CONVERSATION_EVENTS).awaitOne(SessionAssigned.class,
                e -> e.sessionId().equals(sessionId));
        assertThat(assignedEvent.assignee()).isEqualTo("alice");
        assertThat(assignedEvent.assignedBy()).isEqualTo("bob");
        assertThat(ids("/api/v1/conversations?assignee=alice")).containsExactly(sessionId);

        Api.Response escalated = api.post(org, "/api/v1/conversations/" + sessionId + "/escalate",
                Map.of("queue", "billing", "reason", "refund"));
        assertThat(escalated.at("/status").asString()).isEqualTo("needs_human");
        assertThat(escalated.at("/queue").asString()).isEqualTo("billing");
        SessionEscalated escalatedEvent = Kafka.watch(Topics.CONVERSATION_EVENTS).awaitOne(SessionEscalated.class,
                e -> e.sessionId().equals(sessionId));
        assertThat(escalatedEvent.escalatedBy()).isEqualTo(Author.AGENT);
        assertThat(escalatedEvent.reason()).isEqualTo("refund");
        assertThat(ids("/api/v1/conversations?queue=billing&status=needs_human")).containsExactly(sessionId);

        Api.Response completed = api.post(org, "/api/v1/conversations/" + sessionId + "/complete",
                Map.of("completedBy", "alice"));
        assertThat(completed.at("/status").asString()).isEqualTo("completed");
        assertThat(completed.at("/closedAt").isNull()).isFalse();
        SessionClosed closed = Kafka.watch(Topics.CONVERSATION_EVENTS).awaitOne(SessionClosed.class,
                e -> e.sessionId().equals(sessionId));
        assertThat(closed.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(closed.closedBy()).isEqualTo("alice");
        assertThat(closed.escalated()).isTrue();

        assertThat(api.post(org, "/api/v1/conversations/" + sessionId + "/complete", null).status()).isEqualTo(409);
        assertThat(api.post(org, "/api/v1/conversations/" + sessionId + "/assign", Map.of("assignee", "carol")).status())
                .isEqualTo(409);
        assertThat(api.post(org, "/api/v1/conversations/" + sessionId + "/escalate", null).status()).isEqualTo(409);
        String open = conversations.receive(Fixtures.sms(org, Fixtures.phone(), "hi"));
        Api.Response blank = api.post(org, "/api/v1/conversations/" + open + "/assign", Map.of("assignee", " "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.at("/errors/0/field").asString()).isEqualTo("assignee");
    }

    @Test
    void deliveryStatusOnlyMovesForward() {
        String phone = Fixtures.phone();
        String sessionId = conversations.receive(Fixtures.sms(org, phone, "status?"));
        String key = Fixtures.key(org, Channel.SMS, phone);
        String first = reply(sessionId, "first");
        String second = reply(sessionId, "second");
        String third = reply(sessionId, "third");

        Kafka.send(Topics.OUTBOUND_RESULTS, key, new OutboundMessageAccepted(org, first, sessionId, Channel.SMS,
                "SMaaa", Fixtures.SMS_NUMBER, phone, DeliveryStatus.QUEUED, Instant.now()));
        OutboundDeliveryUpdated delivered = updated(first, DeliveryStatus.DELIVERED);
        String deliveredId = Kafka.send(Topics.OUTBOUND_RESULTS, key, delivered);
        Kafka.send(Topics.OUTBOUND_RESULTS, key, delivered, deliveredId); // redelivered (no guard row: no effect)
        Kafka.send(Topics.OUTBOUND_RESULTS, key, updated(first, DeliveryStatus.SENT)); // late callback
        Kafka.send(Topics.OUTBOUND_RESULTS, key, new OutboundMessageFailed(org, second, sessionId, Channel.SMS,
                "opted_out", "The customer opted out", false, "21610", Instant.now()));
        Kafka.send(Topics.OUTBOUND_RESULTS, key, updated(second, DeliveryStatus.DELIVERED)); // after a terminal failure
        Kafka.send(Topics.OUTBOUND_RESULTS, key, new OutboundMessageAccepted(org, third, sessionId, Channel.SMS,
                "SMccc", Fixtures.SMS_NUMBER, phone, DeliveryStatus.QUEUED, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "QUEUED".equals(conversations.deliveryStatus(org, third)));

        JsonNode messages = api.get(org, "/api/v1/conversations/" + sessionId).at("/messages/items");
        assertThat(messages.get(1).at("/deliveryStatus").asString()).isEqualTo("delivered");
        assertThat(messages.get(1).at("/providerMessageId").asString()).isEqualTo("SMaaa");
        assertThat(messages.get(2).at("/deliveryStatus").asString()).isEqualTo("failed");
        assertThat(messages.get(2).at("/errorCode").asString()).isEqualTo("21610");
        assertThat(messages.get(2).at("/errorMessage").asString()).isEqualTo("The customer opted out");
        assertThat(messages.get(3).at("/deliveryStatus").asString()).isEqualTo("queued");

        Kafka.send(Topics.OUTBOUND_RESULTS, key, updated(first, DeliveryStatus.READ));
        await().atMost(Duration.ofSeconds(30)).until(() -> "READ".equals(conversations.deliveryStatus(org, first)));

        // the delivered report redelivered after read, then a later event on the same partition as a marker
        Kafka.send(Topics.OUTBOUND_RESULTS, key, delivered, deliveredId);
        Kafka.send(Topics.OUTBOUND_RESULTS, key, updated(third, DeliveryStatus.SENT));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(conversations.deliveryStatus(org, third)));
        assertThat(conversations.deliveryStatus(org, first)).isEqualTo("READ");
    }

    private OutboundDeliveryUpdated updated(String requestId, DeliveryStatus status) {
        return new OutboundDeliveryUpdated(org, requestId, null, "SM" + requestId.replace("-", ""), status, null, null,
                Instant.now());
    }

    private String reply(String sessionId, String text) {
        Api.Response reply = api.post(org, "/api/v1/conversations/reply", Map.of("sessionId", sessionId, "message", text));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        return reply.at("/requestId").asString();
    }

    private java.util.List<String> ids(String path) {
        Api.Response response = api.get(org, path);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.at("/items").findValuesAsString("sessionId");
    }
}
