package com.crmfactory.messaging.conversation.tenant;

import static com.crmfactory.messaging.events.testing.ReplyProposedBuilder.aReplyProposed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.crmfactory.messaging.conversation.outbound.OutboundRequests;
import com.crmfactory.messaging.conversation.support.Api;
import com.crmfactory.messaging.conversation.support.ConversationServiceTest;
import com.crmfactory.messaging.conversation.support.Fixtures;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.EmailAttachment;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.common.TenantSettings;
import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.events.common.TriggerChannel;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.support.testing.Kafka;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Voicemails and e-mails in conversations: a voicemail opens a voice session with its transcript and
 * recording; the AI's and a person's replies to it go to the caller by SMS; with the org's setting off or a
 * caller that cannot take an SMS nothing is sent and the reason is recorded (metric, 422); an e-mail opens an
 * e-mail session with its 7-day window.
 */
class VoiceAndEmailSessionsIT extends ConversationServiceTest {

    static final String AGENT_ACTIONS = "conversation-service.agent-actions";
    static final String LINE = "+15005550077";
    static final String RECORDING = "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1";

    @Autowired
    MeterRegistry meters;

    @Override
    protected String orgLabel() {
        return "voice";
    }

    @Test
    void aVoicemailOpensAVoiceSessionAndIsAnsweredBySms() {
        String caller = Fixtures.phone();
        MessageReceived voicemail = voicemail(caller, "Hi, I need 250 hex bolts by Friday.");
        String sessionId = conversations.receive(voicemail);

        Api.Response thread = api.get(org, "/api/v1/conversations/" + sessionId);
        assertThat(thread.at("/conversation/channel").asString()).isEqualTo("voice");
        assertThat(thread.at("/messages/items/0/body").asString()).isEqualTo("Hi, I need 250 hex bolts by Friday.");
        assertThat(thread.at("/messages/items/0/media/0/url").asString()).isEqualTo(RECORDING);
        assertThat(thread.at("/messages/items/0/media/0/contentType").asString()).isEqualTo("audio/x-wav");
        assertThat(windowOf(sessionId)).isEqualTo(Duration.ofMinutes(30));

        ReplyProposed proposal = proposal(sessionId, "We have them in stock, 0.12 USD each.");
        propose(voicemail, proposal);
        String aiRequest = OutboundRequests.aiRequestId(org, proposal.proposalId());
        OutboundMessageRequested ai = Kafka.watch(Topics.OUTBOUND_REQUESTS)
                .awaitOne(OutboundMessageRequested.class, e -> e.requestId().equals(aiRequest));
        assertThat(ai.origin()).isEqualTo(Origin.AI);
        assertThat(ai.channel()).isEqualTo(OutboundChannel.SMS);
        assertThat(ai.to()).isEqualTo(caller);
        assertThat(ai.sessionId()).isEqualTo(sessionId);

        Api.Response reply = api.post(org, "/api/v1/conversations/reply", Map.of("sessionId", sessionId,
                "message", "Hi, Anna from sales: they ship tomorrow."));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        String agentRequest = reply.at("/requestId").asString();
        OutboundMessageRequested agent = Kafka.watch(Topics.OUTBOUND_REQUESTS)
                .awaitOne(OutboundMessageRequested.class, e -> e.requestId().equals(agentRequest));
        assertThat(agent.channel()).isEqualTo(OutboundChannel.SMS);
        assertThat(agent.to()).isEqualTo(caller);
    }

    @Test
    void aMissedCallIsAMessageToo() {
        MessageReceived missed = voicemail(Fixtures.phone(), "missed call");
        String sessionId = conversations.receive(missed);

        assertThat(api.get(org, "/api/v1/conversations/" + sessionId).at("/messages/items/0/body").asString())
                .isEqualTo("missed call");
    }

    @Test
    void withTheOrgsSettingOffNothingIsSentAndTheReasonIsRecorded() {
        setVoiceSmsReplies(false);
        MessageReceived voicemail = voicemail(Fixtures.phone(), "Call me back please.");
        String sessionId = conversations.receive(voicemail);
        double before = dropped(VoiceReplies.SMS_REPLIES_OFF);

        ReplyProposed proposal = proposal(sessionId, "Sure.");
        propose(voicemail, proposal);

        assertThat(dropped(VoiceReplies.SMS_REPLIES_OFF) - before).isEqualTo(1);
        assertThat(conversations.messagesWithRequestId(org, OutboundRequests.aiRequestId(org, proposal.proposalId()))).isZero();
        Api.Response reply = api.post(org, "/api/v1/conversations/reply", Map.of("sessionId", sessionId, "message", "Hi"));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.raw()).contains(VoiceReplies.SMS_REPLIES_OFF).contains("sessionId");
        assertThat(conversations.messageCount(sessionId)).isEqualTo(1);

        // the newest setting wins: turned on again, the next proposal goes out
        setVoiceSmsReplies(true);
        ReplyProposed again = proposal(sessionId, "Sure, calling you back.");
        propose(voicemail, again);
        Kafka.watch(Topics.OUTBOUND_REQUESTS).awaitOne(OutboundMessageRequested.class,
                e -> e.requestId().equals(OutboundRequests.aiRequestId(org, again.proposalId())));
    }

    @Test
    void anAnonymousCallerGetsNoSmsAndTheReasonIsRecorded() {
        MessageReceived voicemail = voicemail("anonymous", "This is Bob, call me.");
        String sessionId = conversations.receive(voicemail);
        double before = dropped(VoiceReplies.CALLER_CANNOT_TAKE_SMS);

        ReplyProposed proposal = proposal(sessionId, "Hello Bob.");
        propose(voicemail, proposal);

        assertThat(dropped(VoiceReplies.CALLER_CANNOT_TAKE_SMS) - before).isEqualTo(1);
        assertThat(conversations.messagesWithRequestId(org, OutboundRequests.aiRequestId(org, proposal.proposalId()))).isZero();
        Api.Response reply = api.post(org, "/api/v1/conversations/reply", Map.of("sessionId", sessionId, "message", "Hi"));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.raw()).contains(VoiceReplies.CALLER_CANNOT_TAKE_SMS);
    }

    @Test
    void anEmailOpensAnEmailSessionWithASevenDayWindow() {
        MessageReceived email = new MessageReceived(org, "email:" + Fixtures.sid(), Channel.EMAIL, TriggerChannel.EMAIL,
                "jane.doe@customer.example", "support@acme.example", "Yes, please go ahead.", List.of(), "Jane Doe",
                null, null, null, null, null, null, Instant.now(), "Re: Quote", "<m1@customer.example>",
                List.of("<q1@acme.example>"), List.of(new EmailAttachment("po-4711.pdf", "application/pdf", 48_213L, null),
                        new EmailAttachment("logo.png", "image/png", 1_024L, "ii_logo1")));
        String sessionId = conversations.receive(email);

        Api.Response thread = api.get(org, "/api/v1/conversations/" + sessionId);
        assertThat(thread.at("/conversation/channel").asString()).isEqualTo("email");
        assertThat(thread.at("/messages/items/0/body").asString()).isEqualTo("Yes, please go ahead.");
        // the thread shows the e-mail's subject and what was attached (metadata; the files are not kept)
        assertThat(thread.at("/messages/items/0/subject").asString()).isEqualTo("Re: Quote");
        assertThat(thread.at("/messages/items/0/attachments/0/filename").asString()).isEqualTo("po-4711.pdf");
        assertThat(thread.at("/messages/items/0/attachments/0/contentType").asString()).isEqualTo("application/pdf");
        assertThat(thread.at("/messages/items/0/attachments/0/size").asLong()).isEqualTo(48_213L);
        assertThat(thread.at("/messages/items/0/attachments/1/contentId").asString()).isEqualTo("ii_logo1");
        assertThat(windowOf(sessionId)).isEqualTo(Duration.ofDays(7));
    }

    private Duration windowOf(String sessionId) {
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT last_customer_message_at, expires_at FROM session WHERE id = ?::uuid", sessionId);
        return Duration.between(((java.sql.Timestamp) row.get("last_customer_message_at")).toInstant(),
                ((java.sql.Timestamp) row.get("expires_at")).toInstant());
    }

    private void setVoiceSmsReplies(boolean on) {
        TenantUpserted tenant = new TenantUpserted(org, "Voice Ltd", TenantStatus.ACTIVE, List.of(),
                new TenantSettings(null, null, null, null, on, null, null), Instant.now());
        Kafka.send(Topics.PLATFORM_TENANTS, org, tenant);
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.valueOf(on).equals(jdbc.query(
                "SELECT voice_sms_replies FROM tenant_settings WHERE org_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, org)));
    }

    private MessageReceived voicemail(String caller, String transcript) {
        List<Media> media = transcript.equals("missed call") ? List.of() : List.of(new Media(RECORDING, "audio/x-wav"));
        return new MessageReceived(org, "call:CA" + Fixtures.sid().substring(2), Channel.VOICE, TriggerChannel.VOICEMAIL,
                caller, LINE, transcript, media, null, null, null, null, null, null, null, Instant.now());
    }

    private ReplyProposed proposal(String sessionId, String text) {
        return aReplyProposed().orgId(org).sessionId(sessionId).text(text).confidence(0.9).build();
    }

    private void propose(MessageReceived received, ReplyProposed proposal) {
        conversations.awaitProcessed(AGENT_ACTIONS, Kafka.send(Topics.AGENT_ACTIONS, received.conversationKey().value(), proposal));
    }

    private double dropped(String reason) {
        return meters.find("conversation.agent.replies.dropped").tag("reason", reason).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
