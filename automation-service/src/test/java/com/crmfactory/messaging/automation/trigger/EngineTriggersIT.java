package com.crmfactory.messaging.automation.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.crmfactory.messaging.automation.support.AutomationServiceTest;
import com.crmfactory.messaging.automation.support.Events;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.command.NoteAddRequested;
import com.crmfactory.messaging.events.command.QueueAssignmentRequested;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.SessionClosed;
import com.crmfactory.messaging.events.conversation.SessionEscalated;
import com.crmfactory.messaging.events.erp.OrderStatusChanged;
import com.crmfactory.messaging.events.outbound.OutboundDeliveryUpdated;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.testing.Kafka;

import tools.jackson.databind.JsonNode;

/**
 * The triggers beyond the documented two (conversation_escalated, session_completed, session_expired,
 * delivery_failed, order_status_changed), the conditions, assign_queue and add_note, and the chain guard.
 */
@TestPropertySource(properties = "automation.max-chain-depth=1")
class EngineTriggersIT extends AutomationServiceTest {

    @Override
    protected String orgLabel() {
        return "eng";
    }

    @Test
    void anEscalationAddsANoteAndTellsTheCustomerOnTheSessionsChannel() {
        String id = create(org, """
                {"name": "Escalated", "enabled": true, "trigger": {"type": "conversation_escalated"},
                 "actions": [{"type": "add_note", "text": "Escalated to {{queue}}: {{reason}}"},
                             {"type": "channel_notify", "channel": "originating", "body": "Hi {{contact.name}}, a person will answer."}]}""");
        String phone = Events.phone();
        String sessionId = UUID.randomUUID().toString();
        awaitProcessed(ConversationEventsListener.CONSUMER, Events.publishConversation(org, Channel.SMS, phone,
                Events.opened(org, sessionId, Channel.SMS, phone, "Bob")));

        Events.publishConversation(org, Channel.SMS, phone, new SessionEscalated(org, sessionId, "billing",
                "customer_request", "refund", "Wants a refund", Author.AI, Instant.now()));

        NoteAddRequested note = Kafka.watch(Topics.CONVERSATION_COMMANDS).awaitOne(NoteAddRequested.class,
                n -> n.orgId().equals(org));
        assertThat(note.sessionId()).isEqualTo(sessionId);
        assertThat(note.text()).isEqualTo("Escalated to billing: customer_request");
        assertThat(note.requestedBy()).isEqualTo(id);
        OutboundMessageRequested told = awaitRequest(r -> r.orgId().equals(org));
        assertThat(told.channel()).isEqualTo(OutboundChannel.SMS);
        assertThat(told.to()).isEqualTo(phone);
        assertThat(told.sessionId()).isEqualTo(sessionId);
        assertThat(told.body()).isEqualTo("Hi Bob, a person will answer.");
        assertThat(awaitRuns(org, id, 1).get(0).path("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void aNoteOnAMessageWaitsForConversationServiceToAnnounceTheSession() {
        String id = create(org, """
                {"name": "Note", "enabled": true, "trigger": {"type": "sms_received"},
                 "actions": [{"type": "add_note", "text": "Customer wrote: {{message.body}}"}]}""");
        String phone = Events.phone();
        String sessionId = UUID.randomUUID().toString();

        awaitProcessed(InboundListener.CONSUMER, Events.publish(Events.sms(org, phone, "first message")));
        // the session is announced after the message reached the engine
        Events.publishConversation(org, Channel.SMS, phone, Events.opened(org, sessionId, Channel.SMS, phone, null));

        NoteAddRequested note = Kafka.watch(Topics.CONVERSATION_COMMANDS).awaitOne(NoteAddRequested.class,
                n -> n.orgId().equals(org));
        assertThat(note.sessionId()).isEqualTo(sessionId);
        assertThat(note.text()).isEqualTo("Customer wrote: first message");
        assertThat(awaitRuns(org, id, 1).get(0).path("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void completedAndExpiredSessionsTriggerTheirAutomations() {
        String completed = create(org, survey("session_completed"));
        String expired = create(org, survey("session_expired"));
        String phone = Events.phone();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        awaitProcessed(ConversationEventsListener.CONSUMER, Events.publishConversation(org, Channel.WHATSAPP,
                "whatsapp:" + phone, Events.opened(org, first, Channel.WHATSAPP, "whatsapp:" + phone, "Ana")));
        awaitProcessed(ConversationEventsListener.CONSUMER, Events.publishConversation(org, Channel.WHATSAPP,
                "whatsapp:" + phone, Events.opened(org, second, Channel.WHATSAPP, "whatsapp:" + phone, "Ana")));

        Events.publishConversation(org, Channel.WHATSAPP, "whatsapp:" + phone,
                new SessionClosed(org, first, SessionStatus.COMPLETED, "agent-1", false, Instant.now()));
        Events.publishConversation(org, Channel.WHATSAPP, "whatsapp:" + phone,
                new SessionClosed(org, second, SessionStatus.EXPIRED, null, false, Instant.now()));

        assertThat(awaitRuns(org, completed, 1)).hasSize(1);
        assertThat(awaitRuns(org, expired, 1)).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> requests(org).size() == 2);
        assertThat(requests(org)).extracting(OutboundMessageRequested::body)
                .containsExactlyInAnyOrder("Ana, session completed", "Ana, session expired");
        assertThat(requests(org)).allSatisfy(r -> assertThat(r.to()).isEqualTo("whatsapp:" + phone));
    }

    @Test
    void aFailedDeliveryOfSomeoneElsesMessageTriggersDeliveryFailed() {
        String id = create(org, """
                {"name": "Undelivered", "enabled": true, "trigger": {"type": "delivery_failed"},
                 "actions": [{"type": "send_sms", "to": "+14155550199", "body": "{{requestId}} {{status}} {{errorCode}}"}]}""");

        Kafka.send(Topics.OUTBOUND_RESULTS, org + ":sms:+14155550123", new OutboundDeliveryUpdated(org, "agent-42", null,
                "SM123", DeliveryStatus.UNDELIVERED, "30003", "Unreachable", Instant.now()));
        Kafka.send(Topics.OUTBOUND_RESULTS, org + ":sms:+14155550123", new OutboundDeliveryUpdated(org, "agent-43", null,
                "SM124", DeliveryStatus.DELIVERED, null, null, Instant.now()));

        assertThat(awaitRuns(org, id, 1)).hasSize(1);
        assertThat(awaitRequest(r -> r.orgId().equals(org)).body()).isEqualTo("agent-42 undelivered 30003");
    }

    @Test
    void anOrderStatusChangeReachesTheCustomerOnTheirLastChannel() {
        String shipped = create(org, """
                {"name": "Order updates", "enabled": true,
                 "trigger": {"type": "order_status_changed", "statuses": ["shipped"]},
                 "actions": [{"type": "channel_notify", "channel": "originating", "subject": "Order {{order_number}}",
                              "body": "Your order {{order_number}} is {{status}} ({{carrier}})"}]}""");
        String delivered = create(org, """
                {"name": "Delivered only", "enabled": true,
                 "trigger": {"type": "order_status_changed", "statuses": ["delivered"]},
                 "actions": [{"type": "send_sms", "to": "{{contact.phone}}", "body": "Delivered {{order_number}}"}]}""");
        String phone = Events.phone();
        awaitProcessed(InboundListener.CONSUMER, Events.publish(Events.whatsapp(org, phone, "any news?", "Jane")));

        OrderStatusChanged order = Events.order(org, "SO-1001", "shipped", phone, null);
        String eventId = Events.publish(order);
        awaitProcessed(OrderStatusListener.CONSUMER, eventId);
        String byEmail = Events.publish(Events.order(org, "SO-1002", "Shipped", null, "new@example.com"));
        awaitProcessed(OrderStatusListener.CONSUMER, byEmail);

        assertThat(awaitRuns(org, shipped, 2)).hasSize(2);
        OutboundMessageRequested whatsapp = awaitRequest(r -> r.orgId().equals(org) && r.body().contains("SO-1001"));
        assertThat(whatsapp.channel()).isEqualTo(OutboundChannel.WHATSAPP);
        assertThat(whatsapp.to()).isEqualTo("whatsapp:" + phone);
        assertThat(whatsapp.body()).isEqualTo("Your order SO-1001 is shipped (DHL)");
        OutboundMessageRequested email = awaitRequest(r -> r.orgId().equals(org) && r.body().contains("SO-1002"));
        assertThat(email.channel()).as("never seen: the e-mail the ERP knows").isEqualTo(OutboundChannel.EMAIL);
        assertThat(email.to()).isEqualTo("new@example.com");
        assertThat(email.subject()).isEqualTo("Order SO-1002");
        assertThat(api.get(org, "/api/v1/automations/" + delivered + "/runs").at("/totalItems").asLong()).isZero();
    }

    @Test
    void conditionsFilterRuns() {
        ZonedDateTime berlin = ZonedDateTime.now(ZoneId.of("Europe/Berlin"));
        String today = berlin.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
        String from = berlin.toLocalTime().minusHours(1).isAfter(berlin.toLocalTime()) ? "00:00"
                : berlin.toLocalTime().minusHours(1).withSecond(0).withNano(0).toString();
        LocalTime later = berlin.toLocalTime().plusHours(1);
        String to = later.isBefore(berlin.toLocalTime()) ? "23:59" : later.withSecond(0).withNano(0).toString();
        String matching = create(org, """
                {"name": "All conditions", "enabled": true, "trigger": {"type": "channel_message_received"},
                 "conditions": [{"type": "keywords", "values": ["invoice", "bill"]},
                                {"type": "body_matches", "pattern": "INV-[0-9]{4}"},
                                {"type": "body_contains", "value": "wrong"},
                                {"type": "contact_field", "field": "name", "operator": "present"},
                                {"type": "business_hours", "timeZone": "Europe/Berlin", "days": ["%s"], "from": "%s", "to": "%s"}],
                 "actions": [{"type": "send_sms", "to": "+14155550199", "body": "matched {{message.body}}"}]}"""
                .formatted(today, from, to));
        String outsideHours = create(org, """
                {"name": "Outside hours", "enabled": true, "trigger": {"type": "channel_message_received"},
                 "conditions": [{"type": "business_hours", "timeZone": "Europe/Berlin", "days": ["%s"], "from": "%s", "to": "%s", "inside": false}],
                 "actions": [{"type": "send_sms", "to": "+14155550199", "body": "closed"}]}""".formatted(today, from, to));
        String activeOnly = create(org, """
                {"name": "Active sessions", "enabled": true, "trigger": {"type": "channel_message_received"},
                 "conditions": [{"type": "session_status", "values": ["active"]}],
                 "actions": [{"type": "send_sms", "to": "+14155550199", "body": "active {{session.id}}"}]}""");
        String phone = Events.phone();
        String sessionId = UUID.randomUUID().toString();
        awaitProcessed(ConversationEventsListener.CONSUMER, Events.publishConversation(org, Channel.WHATSAPP,
                "whatsapp:" + phone, Events.opened(org, sessionId, Channel.WHATSAPP, "whatsapp:" + phone, "Ana")));

        awaitProcessed(InboundListener.CONSUMER, Events.publish(Events.whatsapp(org, phone,
                "My invoice INV-2041 is wrong", "Ana")));
        awaitProcessed(InboundListener.CONSUMER, Events.publish(Events.whatsapp(org, phone, "My invoices are fine", "Ana")));
        awaitProcessed(InboundListener.CONSUMER, Events.publish(Events.sms(org, Events.phone(), "invoice INV-2041 wrong")));

        assertThat(awaitRuns(org, matching, 1)).hasSize(1);
        assertThat(awaitRuns(org, activeOnly, 2)).hasSize(2);
        assertThat(api.get(org, "/api/v1/automations/" + outsideHours + "/runs").at("/totalItems").asLong()).isZero();
        assertThat(requests(org)).filteredOn(r -> r.body().startsWith("active ")).extracting(OutboundMessageRequested::body)
                .containsOnly("active " + sessionId);
    }

    @Test
    void assignQueueOnAMessageAndTheChainGuard() {
        String triage = create(org, """
                {"name": "Billing triage", "enabled": true, "trigger": {"type": "sms_received"},
                 "conditions": [{"type": "keywords", "values": ["billing"]}],
                 "actions": [{"type": "assign_queue", "queue": "billing"}]}""");
        String bounce = create(org, """
                {"name": "Escalations to tier 2", "enabled": true, "trigger": {"type": "conversation_escalated"},
                 "actions": [{"type": "assign_queue", "queue": "tier2"}]}""");
        String phone = Events.phone();
        String sessionId = UUID.randomUUID().toString();
        awaitProcessed(ConversationEventsListener.CONSUMER, Events.publishConversation(org, Channel.SMS, phone,
                Events.opened(org, sessionId, Channel.SMS, phone, null)));

        awaitProcessed(InboundListener.CONSUMER, Events.publish(Events.sms(org, phone, "billing question")));
        QueueAssignmentRequested assign = Kafka.watch(Topics.CONVERSATION_COMMANDS).awaitOne(QueueAssignmentRequested.class,
                c -> c.orgId().equals(org));
        assertThat(assign.sessionId()).isEqualTo(sessionId);
        assertThat(assign.queue()).isEqualTo("billing");
        assertThat(awaitRuns(org, triage, 1).get(0).path("status").asString()).isEqualTo("succeeded");

        // conversation-service escalates on the automation's request: one link down the chain (allowed: depth 1)
        String first = Events.publishConversation(org, Channel.SMS, phone, new SessionEscalated(org, sessionId, "billing",
                "automation", null, null, Author.AUTOMATION, Instant.now()));
        awaitProcessed(ConversationEventsListener.CONSUMER, first);
        List<JsonNode> runs = awaitRuns(org, bounce, 1);
        assertThat(run(org, runs.get(0).path("id").asString()).path("depth").asInt()).isEqualTo(1);
        // ...and on the bounce's own request: depth 2, over the limit of this test (1): no run, no loop
        String second = Events.publishConversation(org, Channel.SMS, phone, new SessionEscalated(org, sessionId, "tier2",
                "automation", null, null, Author.AUTOMATION, Instant.now()));
        awaitProcessed(ConversationEventsListener.CONSUMER, second);
        assertThat(runsOfEvent(second)).isZero();
        assertThat(Kafka.watch(Topics.CONVERSATION_COMMANDS).events(QueueAssignmentRequested.class,
                c -> c.orgId().equals(org))).hasSize(2);
    }

    private static String survey(String trigger) {
        String label = trigger.replace("session_", "session ");
        return """
                {"name": "%s", "enabled": true, "trigger": {"type": "%s"},
                 "actions": [{"type": "channel_notify", "channel": "originating", "body": "{{contact.name}}, %s"}]}"""
                .formatted(trigger, trigger, label);
    }
}
