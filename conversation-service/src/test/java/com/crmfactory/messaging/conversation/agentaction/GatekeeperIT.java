package com.crmfactory.messaging.conversation.agentaction;

import static com.crmfactory.messaging.events.testing.ReplyProposedBuilder.aReplyProposed;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.crmfactory.messaging.conversation.outbound.OutboundRequests;
import com.crmfactory.messaging.conversation.support.Api;
import com.crmfactory.messaging.conversation.support.ConversationServiceTest;
import com.crmfactory.messaging.conversation.support.Fixtures;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.agent.EscalationRequested;
import com.crmfactory.messaging.events.agent.InsightsUpdated;
import com.crmfactory.messaging.events.common.MediaAnalysis;
import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.OrderDraft;
import com.crmfactory.messaging.events.common.OrderLine;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.SessionEscalated;
import com.crmfactory.messaging.events.conversation.SessionInsightsUpdated;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;

import io.micrometer.core.instrument.MeterRegistry;

/** The gatekeeper: the AI speaks only in AI-handled sessions; escalations route to queues; insights stick. */
@TestPropertySource(properties = {"CONVERSATION_ESCALATION_QUEUE_ORDER_STATUS=orders",
        "CONVERSATION_ESCALATION_QUEUE_DEFAULT=frontdesk"})
class GatekeeperIT extends ConversationServiceTest {

    static final String AGENT_ACTIONS = "conversation-service.agent-actions";

    @Autowired
    MeterRegistry meters;

    @Override
    protected String orgLabel() {
        return "gate";
    }

    @Test
    void aProposalInAnAiHandledSessionIsRecordedAndSentOnce() {
        MessageReceived received = Fixtures.whatsapp(org, Fixtures.phone(), "price of the red lamp?", null, Instant.now());
        String sessionId = conversations.receive(received);
        ReplyProposed proposal = proposal(sessionId, "The red lamp is 49 EUR.");

        propose(received, proposal);
        propose(received, proposal); // redelivered by the agent's outbox with a new ce_id

        String requestId = OutboundRequests.aiRequestId(org, proposal.proposalId());
        OutboundMessageRequested request = Kafka.watch(Topics.OUTBOUND_REQUESTS)
                .awaitOne(OutboundMessageRequested.class, e -> e.requestId().equals(requestId));
        assertThat(request.origin()).isEqualTo(Origin.AI);
        assertThat(request.channel()).isEqualTo(OutboundChannel.WHATSAPP);
        assertThat(request.to()).isEqualTo(received.from());
        assertThat(request.requestedBy()).isEqualTo(proposal.proposalId());
        assertThat(conversations.messagesWithRequestId(org, requestId)).isEqualTo(1);
        assertThat(Kafka.watch(Topics.OUTBOUND_REQUESTS).events(OutboundMessageRequested.class,
                e -> e.requestId().equals(requestId))).hasSize(1);
        Api.Response thread = api.get(org, "/api/v1/conversations/" + sessionId);
        assertThat(thread.at("/messages/items/1/author").asString()).isEqualTo("AI");
        assertThat(thread.at("/conversation/status").asString()).isEqualTo("waiting_reply");
    }

    @Test
    void proposalsAreDroppedOnceAPersonIsInvolvedOrTheSessionIsClosed() {
        String needsHuman = open();
        api.post(org, "/api/v1/conversations/" + needsHuman + "/escalate", null);
        String assigned = open();
        api.post(org, "/api/v1/conversations/" + assigned + "/assign", Map.of("assignee", "alice"));
        String humanReplied = open();
        api.post(org, "/api/v1/conversations/reply", Map.of("sessionId", humanReplied, "message", "Hi, Ana here"));
        String closed = open();
        api.post(org, "/api/v1/conversations/" + closed + "/complete", null);
        double droppedBefore = dropped();

        for (String sessionId : List.of(needsHuman, assigned, humanReplied, closed)) {
            ReplyProposed proposal = proposal(sessionId, "AI talking over a human");
            conversations.awaitProcessed(AGENT_ACTIONS, Kafka.send(Topics.AGENT_ACTIONS, keyOf(sessionId), proposal));
            assertThat(conversations.messagesWithRequestId(org, OutboundRequests.aiRequestId(org, proposal.proposalId())))
                    .as(sessionId).isZero();
        }
        assertThat(dropped() - droppedBefore).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message WHERE org_id = ? AND author = 'AI'", Integer.class, org))
                .isZero();
    }

    @Test
    void anEscalationMovesTheSessionToTheQueueOfItsIntent() {
        String orders = open();
        String other = open();

        send(orders, new EscalationRequested(org, orders, "customer_request", "order-status", 0.4,
                "Customer asks where order 1042 is", "vip", Instant.now()));
        send(other, new EscalationRequested(org, other, "low_confidence", "returns", 0.2, null, "vip", Instant.now()));

        SessionEscalated toOrders = Kafka.watch(Topics.CONVERSATION_EVENTS).awaitOne(SessionEscalated.class,
                e -> e.sessionId().equals(orders));
        assertThat(toOrders.queue()).isEqualTo("orders");
        assertThat(toOrders.reason()).isEqualTo("customer_request");
        assertThat(toOrders.escalatedBy()).isEqualTo(Author.AI);
        assertThat(toOrders.summary()).isEqualTo("Customer asks where order 1042 is");
        assertThat(Kafka.watch(Topics.CONVERSATION_EVENTS).awaitOne(SessionEscalated.class,
                e -> e.sessionId().equals(other)).queue()).isEqualTo("frontdesk");
        Api.Response row = api.get(org, "/api/v1/conversations?status=needs_human&queue=orders");
        assertThat(row.at("/items").findValuesAsString("sessionId")).containsExactly(orders);
        assertThat(row.at("/items/0/intent").asString()).isEqualTo("order-status");
        assertThat(row.at("/items/0/escalationReason").asString()).isEqualTo("customer_request");

        ReplyProposed late = proposal(orders, "Let me check");
        conversations.awaitProcessed(AGENT_ACTIONS, send(orders, late));
        assertThat(conversations.messagesWithRequestId(org, OutboundRequests.aiRequestId(org, late.proposalId()))).isZero();
    }

    @Test
    void insightsUpdateIntentSummaryAndOrderContext() {
        String sessionId = open();
        OrderDraft draft = new OrderDraft(List.of(new OrderLine("LAMP-RED", "Red lamp", 2,
                new BigDecimal("49.00"))), "EUR", new BigDecimal("98.00"), null);

        send(sessionId, new InsightsUpdated(org, sessionId, "purchase", 0.92, "Wants two red lamps", draft, Instant.now()));

        SessionInsightsUpdated event = Kafka.watch(Topics.CONVERSATION_EVENTS).awaitOne(SessionInsightsUpdated.class,
                e -> e.sessionId().equals(sessionId));
        assertThat(event.intent()).isEqualTo("purchase");
        assertThat(event.orderDraft().total()).isEqualByComparingTo("98.00");
        Api.Response thread = api.get(org, "/api/v1/conversations/" + sessionId);
        assertThat(thread.at("/conversation/intent").asString()).isEqualTo("purchase");
        assertThat(thread.at("/conversation/summary").asString()).isEqualTo("Wants two red lamps");
        assertThat(thread.at("/conversation/orderContext/lines/0/sku").asString()).isEqualTo("LAMP-RED");
        assertThat(thread.at("/conversation/status").asString()).isEqualTo(SessionStatus.ACTIVE.wire());
    }

    @Test
    void theAgentsImageAnalysisIsAttachedToTheCustomersMessageOnly() {
        String sessionId = open();
        String messageId = api.get(org, "/api/v1/conversations/" + sessionId).at("/messages/items/0/messageId").asString();
        String otherSession = open();
        String foreignMessage = api.get(org, "/api/v1/conversations/" + otherSession).at("/messages/items/0/messageId").asString();
        List<MediaAnalysis> analyses = List.of(
                new MediaAnalysis(messageId, "https://api.twilio.com/media/ME1", "image/png", List.of("BRG-6204-2RS"), "a barcode"),
                new MediaAnalysis(foreignMessage, "https://api.twilio.com/media/ME2", "image/png", List.of("X"), "not this session's"),
                new MediaAnalysis("not-a-uuid", "https://api.twilio.com/media/ME3", null, List.of(), "ignored"));

        conversations.awaitProcessed(AGENT_ACTIONS, send(sessionId,
                new InsightsUpdated(org, sessionId, "ask_price", 0.9, "Sent a photo of a bearing", null, analyses, Instant.now())));

        Api.Response thread = api.get(org, "/api/v1/conversations/" + sessionId);
        assertThat(thread.at("/messages/items/0/mediaAnalysis/0/decodedCodes/0").asString()).isEqualTo("BRG-6204-2RS");
        assertThat(thread.at("/messages/items/0/mediaAnalysis/0/description").asString()).isEqualTo("a barcode");
        assertThat(thread.at("/messages/items/0/mediaAnalysis").size()).isEqualTo(1);
        assertThat(api.get(org, "/api/v1/conversations/" + otherSession).at("/messages/items/0/mediaAnalysis").size())
                .as("an analysis naming another session's message is ignored").isZero();
    }

    private String open() {
        return conversations.receive(Fixtures.sms(org, Fixtures.phone(), "hello"));
    }

    private ReplyProposed proposal(String sessionId, String text) {
        return aReplyProposed().orgId(org).sessionId(sessionId).text(text).confidence(0.9).build();
    }

    private void propose(MessageReceived received, ReplyProposed proposal) {
        conversations.awaitProcessed(AGENT_ACTIONS,
                Kafka.send(Topics.AGENT_ACTIONS, received.conversationKey().value(), proposal));
    }

    private String send(String sessionId, DomainEvent event) {
        return Kafka.send(Topics.AGENT_ACTIONS, keyOf(sessionId), event);
    }

    private String keyOf(String sessionId) {
        Map<String, Object> row = jdbc.queryForMap("SELECT channel, customer_address FROM session WHERE id = ?::uuid", sessionId);
        return Fixtures.key(org, Channel.valueOf((String) row.get("channel")),
                (String) row.get("customer_address"));
    }

    private double dropped() {
        return meters.find("conversation.agent.replies.dropped").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
