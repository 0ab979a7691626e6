package com.crmfactory.messaging.automation.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.automation.support.AutomationServiceTest;
import com.crmfactory.messaging.automation.support.Events;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.outbound.OutboundMessageFailed;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.testing.Kafka;

import tools.jackson.databind.JsonNode;

/**
 * The documented triggers (sms_received, channel_message_received with each channel filter) and actions
 * (send_sms, channel_notify incl. originating on SMS, WhatsApp and e-mail), variables, a missing variable,
 * redelivery, and an automation's own messages never triggering it.
 */
class MessageTriggersIT extends AutomationServiceTest {

    @Override
    protected String orgLabel() {
        return "msg";
    }

    @Test
    void anInboundSmsSendsAnSmsWithItsVariablesRendered() {
        String id = create(org, """
                {"name": "Thanks", "enabled": true, "trigger": {"type": "sms_received"},
                 "actions": [{"type": "send_sms", "to": "{{contact.phone}}", "body": "Thanks {{contact.phone}}, you said: {{message.body}} ({{channel}})"}]}""");
        String phone = Events.phone();

        Events.publish(Events.sms(org, phone, "where is my parcel?"));

        OutboundMessageRequested request = awaitRequest(r -> r.orgId().equals(org));
        assertThat(request.origin()).isEqualTo(Origin.AUTOMATION);
        assertThat(request.channel()).isEqualTo(OutboundChannel.SMS);
        assertThat(request.to()).isEqualTo(phone);
        assertThat(request.body()).isEqualTo("Thanks " + phone + ", you said: where is my parcel? (sms)");
        assertThat(request.requestedBy()).isEqualTo(id);
        assertThat(request.requestId()).startsWith("automation-");
        JsonNode run = run(org, awaitRuns(org, id, 1).get(0).path("id").asString());
        assertThat(run.path("status").asString()).isEqualTo("succeeded");
        assertThat(run.path("automationVersion").asInt()).isEqualTo(1);
        assertThat(run.at("/steps/0/type").asString()).isEqualTo("send_sms");
        assertThat(run.at("/steps/0/status").asString()).isEqualTo("succeeded");
        assertThat(run.at("/steps/0/input/body").asString()).isEqualTo(request.body());
        assertThat(run.at("/steps/0/output/requestId").asString()).isEqualTo(request.requestId());
        assertThat(run.at("/steps/0/durationMs").isNumber()).isTrue();
    }

    @Test
    void aTemplateKeyAsksForTheOrgsTemplateWithTheRunsVariables() {
        create(org, """
                {"name": "Template", "enabled": true, "trigger": {"type": "sms_received"},
                 "actions": [{"type": "send_sms", "to": "{{contact.phone}}", "templateKey": "order_update"}]}""");
        String phone = Events.phone();

        Events.publish(Events.sms(org, phone, "status?"));

        OutboundMessageRequested request = awaitRequest(r -> r.orgId().equals(org));
        assertThat(request.body()).isNull();
        assertThat(request.template().key()).isEqualTo("order_update");
        assertThat(request.template().variables()).containsEntry("contact.phone", phone)
                .containsEntry("message.body", "status?");
    }

    @Test
    void smsReceivedIncludesMmsUnlessFilteredOut() {
        String withMms = create(org, smsToFixedNumber("with MMS", ""));
        String withoutMms = create(org, smsToFixedNumber("without MMS", ", \"includeMms\": false"));

        String mms = Events.publish(Events.mms(org, Events.phone(), "photo of the damage"));
        awaitProcessed(InboundListener.CONSUMER, mms);
        String sms = Events.publish(Events.sms(org, Events.phone(), "plain text"));
        awaitProcessed(InboundListener.CONSUMER, sms);

        assertThat(awaitRuns(org, withMms, 2)).hasSize(2);
        assertThat(awaitRuns(org, withoutMms, 1)).hasSize(1);
        assertThat(runsOfEvent(mms)).isEqualTo(1);
    }

    @Test
    void eachChannelFilterAndOriginatingOnEveryChannel() {
        String whatsappOnly = create(org, notifyOriginating("whatsapp", "[\"whatsapp\"]"));
        String emailOnly = create(org, notifyOriginating("email", "[\"email\"]"));
        String voicemailOnly = create(org, notifyOriginating("voicemail", "[\"voicemail\"]"));
        String mmsOnly = create(org, notifyOriginating("mms", "[\"mms\"]"));
        String smsOnly = create(org, notifyOriginating("sms", "[\"sms\"]"));
        String every = create(org, notifyOriginating("all", "[]"));
        String phone = Events.phone();

        List<MessageReceived> messages = List.of(Events.whatsapp(org, phone, "hola", "Ana"),
                Events.email(org, "ana@example.com", "Order", "Where is it?"), Events.voicemail(org, phone, "call me back"),
                Events.mms(org, phone, "picture"), Events.sms(org, phone, "text"));
        for (MessageReceived message : messages) {
            awaitProcessed(InboundListener.CONSUMER, Events.publish(message));
        }

        for (String filtered : List.of(whatsappOnly, emailOnly, voicemailOnly, mmsOnly, smsOnly)) {
            assertThat(awaitRuns(org, filtered, 1)).hasSize(1);
        }
        assertThat(awaitRuns(org, every, 5)).hasSize(5);
        await().atMost(Duration.ofSeconds(30)).until(() -> requests(org).size() == 10);
        OutboundMessageRequested whatsapp = only("whatsapp");
        assertThat(whatsapp.channel()).isEqualTo(OutboundChannel.WHATSAPP);
        assertThat(whatsapp.to()).isEqualTo("whatsapp:" + phone);
        assertThat(whatsapp.body()).isEqualTo("Got your whatsapp message, Ana [whatsapp]");
        OutboundMessageRequested email = only("email");
        assertThat(email.channel()).isEqualTo(OutboundChannel.EMAIL);
        assertThat(email.to()).isEqualTo("ana@example.com");
        assertThat(email.subject()).isEqualTo("Re: your email");
        OutboundMessageRequested voicemail = only("voicemail");
        assertThat(voicemail.channel()).as("a caller is answered by SMS").isEqualTo(OutboundChannel.SMS);
        assertThat(voicemail.to()).isEqualTo(phone);
        assertThat(only("mms").channel()).isEqualTo(OutboundChannel.SMS);
        assertThat(only("sms").to()).isEqualTo(phone);
    }

    @Test
    void aMissingVariableFailsTheStepAndSendsNothing() {
        String id = create(org, """
                {"name": "Mail me", "enabled": true, "trigger": {"type": "sms_received"},
                 "actions": [{"type": "send_sms", "to": "{{contact.phone}}", "body": "ok"},
                             {"type": "channel_notify", "channel": "sms", "body": "Mail: {{contact.email}}"},
                             {"type": "send_sms", "to": "{{contact.phone}}", "body": "never sent"}]}""");

        Events.publish(Events.sms(org, Events.phone(), "hello"));

        JsonNode run = run(org, awaitRuns(org, id, 1).get(0).path("id").asString());
        assertThat(run.path("status").asString()).isEqualTo("failed");
        assertThat(run.path("error").asString()).isEqualTo("step 1 (channel_notify): variable {{contact.email}} is not available");
        assertThat(run.at("/steps/0/status").asString()).isEqualTo("succeeded");
        assertThat(run.at("/steps/1/status").asString()).isEqualTo("failed");
        assertThat(run.at("/steps/1/error").asString()).isEqualTo("variable {{contact.email}} is not available");
        assertThat(run.at("/steps").size()).isEqualTo(2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> requests(org).size() == 1);
        assertThat(requests(org)).noneMatch(r -> r.body().contains("{{"));
    }

    @Test
    void deletingAnAutomationStopsItsWaitingRuns() {
        String id = create(org, """
                {"name": "Later", "enabled": true, "trigger": {"type": "sms_received"},
                 "actions": [{"type": "wait", "duration": "PT3S"},
                             {"type": "send_sms", "to": "{{contact.phone}}", "body": "later"}]}""");
        Events.publish(Events.sms(org, Events.phone(), "hi"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT id FROM automation_run WHERE automation_id = ?::uuid AND status = 'waiting'", id).size() == 1);
        String runId = jdbc.queryForObject("SELECT id::text FROM automation_run WHERE automation_id = ?::uuid",
                String.class, id);

        assertThat(api.delete(org, "/api/v1/automations/" + id).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> run(org, runId).path("status").asString().equals("failed"));
        assertThat(run(org, runId).path("error").asString()).isEqualTo("the automation was deleted");
        assertThat(requests(org)).isEmpty();
    }

    @Test
    void aRedeliveredOrReplayedEventStartsNoSecondRun() {
        String id = create(org, smsToFixedNumber("once", ""));
        MessageReceived message = Events.sms(org, Events.phone(), "hi");
        String eventId = UUID.randomUUID().toString();

        Kafka.send(Topics.INBOUND, message.conversationKey().value(), message, eventId);
        awaitProcessed(InboundListener.CONSUMER, eventId);
        Kafka.send(Topics.INBOUND, message.conversationKey().value(), message, eventId);
        // a replay that got past the consumer guard (e.g. its rows were cleaned up) still finds the run
        jdbc.update("DELETE FROM processed_event WHERE event_id = ?", eventId);
        Kafka.send(Topics.INBOUND, message.conversationKey().value(), message, eventId);
        awaitProcessed(InboundListener.CONSUMER, eventId);

        assertThat(awaitRuns(org, id, 1)).hasSize(1);
        assertThat(runsOfEvent(eventId)).isEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> requests(org).size() == 1);
    }

    @Test
    void anAutomationsOwnMessageNeverTriggersIt() {
        String reply = create(org, smsToFixedNumber("reply", ""));
        String onFailure = create(org, """
                {"name": "on failure", "enabled": true, "trigger": {"type": "delivery_failed"},
                 "actions": [{"type": "send_sms", "to": "+14155550199", "body": "failed: {{requestId}}"}]}""");
        awaitProcessed(InboundListener.CONSUMER, Events.publish(Events.sms(org, Events.phone(), "hi")));
        OutboundMessageRequested own = awaitRequest(r -> r.orgId().equals(org));

        String ownFailure = Kafka.send(Topics.OUTBOUND_RESULTS, org + ":sms:+14155550199", new OutboundMessageFailed(org,
                own.requestId(), null, Channel.SMS, "opted_out", "The recipient opted out", false, null, Instant.now()));
        awaitProcessed(OutboundResultsListener.CONSUMER, ownFailure);
        String agentFailure = Kafka.send(Topics.OUTBOUND_RESULTS, org + ":sms:+14155550199", new OutboundMessageFailed(org,
                "agent-reply-1", null, Channel.SMS, "opted_out", "The recipient opted out", false, null, Instant.now()));
        awaitProcessed(OutboundResultsListener.CONSUMER, agentFailure);

        assertThat(awaitRuns(org, reply, 1)).hasSize(1);
        List<JsonNode> failureRuns = awaitRuns(org, onFailure, 1);
        assertThat(failureRuns).hasSize(1);
        assertThat(failureRuns.get(0).path("triggerEventId").asString()).isEqualTo(agentFailure);
        assertThat(runsOfEvent(ownFailure)).isZero();
    }

    private OutboundMessageRequested only(String label) {
        List<OutboundMessageRequested> matching = requests(org).stream()
                .filter(r -> r.body() != null && r.body().startsWith("Got your ") && r.requestedBy() != null)
                .filter(r -> r.body().contains(label.equals("all") ? "" : "[" + label + "]")).toList();
        assertThat(matching).as(label).hasSize(1);
        return matching.get(0);
    }

    private static String smsToFixedNumber(String name, String triggerExtra) {
        return """
                {"name": "%s", "enabled": true, "trigger": {"type": "sms_received"%s},
                 "actions": [{"type": "send_sms", "to": "+14155550199", "body": "{{message.body}}"}]}""".formatted(name, triggerExtra);
    }

    /** channel_notify originating; the body names the filter, so each request can be told apart. */
    private static String notifyOriginating(String label, String channels) {
        String body = label.equals("all") ? "Got your {{channel}} message"
                : label.equals("whatsapp") ? "Got your {{channel}} message, {{contact.name}} [whatsapp]"
                : "Got your {{channel}} message [" + label + "]";
        return """
                {"name": "%s", "enabled": true, "trigger": {"type": "channel_message_received", "channels": %s},
                 "actions": [{"type": "channel_notify", "channel": "originating", "subject": "Re: your {{channel}}", "body": "%s"}]}"""
                .formatted(label, channels, body);
    }
}
