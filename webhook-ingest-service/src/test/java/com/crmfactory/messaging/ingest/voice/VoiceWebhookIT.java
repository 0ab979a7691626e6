package com.crmfactory.messaging.ingest.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.SenderNumber;
import com.crmfactory.messaging.events.common.SenderType;
import com.crmfactory.messaging.events.common.TenantSettings;
import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.events.common.TriggerChannel;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.ingest.support.TenantTopic;
import com.crmfactory.messaging.ingest.support.WatchedTopics;
import com.crmfactory.messaging.ingest.support.WebhookClient;
import com.crmfactory.messaging.ingest.tenant.TenantDirectory;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.testsupport.Infrastructure;
import com.crmfactory.messaging.testsupport.RealInfrastructure;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

/**
 * Twilio Voice against a real broker: the call is answered with TwiML built by the SDK (greeting, a
 * transcribed {@code <Record>} and its callbacks), the callback sequence publishes exactly one
 * {@code MessageReceived} per call, replays do not create another message id, a call without a recording is a
 * "missed call", and a forged signature on any voice endpoint is 403 with nothing published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN)
@RealInfrastructure(database = false)
class VoiceWebhookIT {

    static final String ORG = "org-voice";
    static final String LINE = "+15555550177";
    static final String CALLER = "+14155550142";
    static final String GREETING = "Hello, you reached Voice Ltd. Please leave a message.";
    static final String VOICE = "/api/v1/webhooks/telephony/voice";
    @RegisterExtension
    static final WatchedTopics kafka = new WatchedTopics(Topics.INBOUND);

    @LocalServerPort
    int port;
    @Autowired
    TenantDirectory directory;
    @Autowired
    EventCodec codec;

    private WebhookClient client;
    private Map<TopicPartition, Long> mark;

    @BeforeAll
    static void tenants() {
        TenantTopic.publish(Infrastructure.get().kafkaBootstrapServers(), new TenantUpserted(ORG, "Voice Ltd",
                TenantStatus.ACTIVE, List.of(new SenderNumber(Channel.SMS, LINE, SenderType.LONG_CODE, null)),
                new TenantSettings(null, "en", null, GREETING, true, null, null), Instant.now()));
    }

    @BeforeEach
    void setUp() {
        client = new WebhookClient(port);
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.isLoaded() && directory.ownerOf(LINE).isPresent());
        mark = kafka.mark();
    }

    @Test
    void anIncomingCallIsAnsweredWithTheOrgsGreetingAndATranscribedRecording() throws Exception {
        HttpResponse<String> response = client.postSigned(VOICE, call("CA00000000000000000000000000000001"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
        Element twiml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(response.body()))).getDocumentElement();
        assertThat(twiml.getTagName()).isEqualTo("Response");
        assertThat(twiml.getElementsByTagName("Say").item(0).getTextContent()).isEqualTo(GREETING);
        Element record = (Element) twiml.getElementsByTagName("Record").item(0);
        String base = client.localUrl(VOICE);
        String query = "?caller=" + URLEncoder.encode(CALLER, StandardCharsets.UTF_8) + "&called="
                + URLEncoder.encode(LINE, StandardCharsets.UTF_8);
        assertThat(record.getAttribute("transcribe")).isEqualTo("true");
        assertThat(record.getAttribute("action")).isEqualTo(base + "/recorded");
        assertThat(record.getAttribute("method")).isEqualTo("POST");
        assertThat(record.getAttribute("recordingStatusCallback")).isEqualTo(base + "/recording-status" + query);
        assertThat(record.getAttribute("recordingStatusCallbackEvent")).isEqualTo("completed absent");
        assertThat(record.getAttribute("transcribeCallback")).isEqualTo(base + "/transcription" + query);
        assertThat(Integer.parseInt(record.getAttribute("maxLength"))).isBetween(3, 119);
        assertThat(kafka.countSince(mark)).as("answering a call publishes nothing").isZero();
    }

    @Test
    void theCallbackSequencePublishesOneVoicemailAndReplaysKeepItsId() {
        String callSid = "CA00000000000000000000000000000002";
        String recording = recordingUrl("RE00000000000000000000000000000002");
        assertThat(client.postSigned(VOICE, call(callSid)).statusCode()).isEqualTo(200);

        HttpResponse<String> action = client.postSigned(VOICE + "/recorded", recorded(callSid, recording, "9"));
        assertThat(action.statusCode()).isEqualTo(200);
        assertThat(action.body()).contains("<Hangup/>");
        assertThat(client.postSigned(callback("/recording-status"), recordingStatus(callSid, recording, "completed", "9"))
                .statusCode()).isEqualTo(204);
        assertThat(kafka.countSince(mark)).as("nothing until the transcription").isZero();

        Map<String, String> transcription = transcription(callSid, recording, "completed", "Hi, I need 250 hex bolts by Friday.");
        assertThat(client.postSigned(callback("/transcription"), transcription).statusCode()).isEqualTo(204);

        List<ConsumerRecord<String, String>> records = kafka.since(mark);
        assertThat(records).hasSize(1);
        MessageReceived event = decode(records.get(0));
        assertThat(event.orgId()).isEqualTo(ORG);
        assertThat(event.channel()).isEqualTo(Channel.VOICE);
        assertThat(event.triggerChannel()).isEqualTo(TriggerChannel.VOICEMAIL);
        assertThat(event.from()).isEqualTo(CALLER);
        assertThat(event.to()).isEqualTo(LINE);
        assertThat(event.body()).isEqualTo("Hi, I need 250 hex bolts by Friday.");
        assertThat(event.media()).containsExactly(new Media(recording, "audio/x-wav"));
        assertThat(event.providerMessageId()).isEqualTo("call:" + callSid);
        assertThat(records.get(0).key()).isEqualTo(ORG + ":voice:" + CALLER);

        // Twilio retries the transcription and the action: the same message id, so it is stored once downstream
        Map<TopicPartition, Long> replay = kafka.mark();
        assertThat(client.postSigned(callback("/transcription"), transcription).statusCode()).isEqualTo(204);
        assertThat(client.postSigned(VOICE + "/recorded", recorded(callSid, recording, "9")).statusCode()).isEqualTo(200);
        assertThat(kafka.since(replay)).extracting(record -> decode(record).providerMessageId())
                .containsOnly("call:" + callSid);
    }

    @Test
    void aFailedTranscriptionStillPublishesTheRecording() {
        String callSid = "CA00000000000000000000000000000003";
        String recording = recordingUrl("RE00000000000000000000000000000003");

        assertThat(client.postSigned(callback("/transcription"), transcription(callSid, recording, "failed", "")).statusCode())
                .isEqualTo(204);

        MessageReceived event = decode(single());
        assertThat(event.body()).isEmpty();
        assertThat(event.media()).extracting(Media::url).containsExactly(recording);
    }

    @Test
    void aRecordingTooShortToBeTranscribedIsPublishedAtTheActionCallback() {
        String callSid = "CA00000000000000000000000000000004";
        String recording = recordingUrl("RE00000000000000000000000000000004");

        assertThat(client.postSigned(VOICE + "/recorded", recorded(callSid, recording, "2")).statusCode()).isEqualTo(200);

        MessageReceived event = decode(single());
        assertThat(event.providerMessageId()).isEqualTo("call:" + callSid);
        assertThat(event.body()).isEmpty();
        assertThat(event.media()).extracting(Media::url).containsExactly(recording);
    }

    @Test
    void aCallWithoutARecordingIsAMissedCallReportedUnderOneId() {
        String callSid = "CA00000000000000000000000000000005";
        Map<String, String> action = call(callSid);
        action.put("Digits", "hangup");
        action.put("RecordingDuration", "0");

        assertThat(client.postSigned(VOICE + "/recorded", action).statusCode()).isEqualTo(200);
        Map<String, String> absent = new LinkedHashMap<>();
        absent.put("AccountSid", TwilioFixtures.ACCOUNT_SID);
        absent.put("CallSid", callSid);
        absent.put("RecordingStatus", "absent");
        assertThat(client.postSigned(callback("/recording-status"), absent).statusCode()).isEqualTo(204);

        List<ConsumerRecord<String, String>> records = kafka.since(mark);
        assertThat(records).hasSize(2).extracting(record -> decode(record).providerMessageId()).containsOnly("call:" + callSid);
        MessageReceived event = decode(records.get(1));
        assertThat(event.body()).isEqualTo("missed call");
        assertThat(event.media()).isEmpty();
        assertThat(event.channel()).isEqualTo(Channel.VOICE);
        assertThat(event.triggerChannel()).isEqualTo(TriggerChannel.VOICEMAIL);
        assertThat(event.from()).isEqualTo(CALLER);
        assertThat(event.to()).isEqualTo(LINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/recorded", "/recording-status", "/transcription"})
    void aForgedSignatureOnEveryVoiceEndpointIs403AndPublishesNothing(String endpoint) {
        String callSid = "CA00000000000000000000000000000006";
        Map<String, String> params = transcription(callSid, recordingUrl("RE00000000000000000000000000000006"), "completed",
                "forged");
        params.put("RecordingDuration", "9");
        String path = endpoint.isEmpty() || endpoint.equals("/recorded") ? VOICE + endpoint : callback(endpoint);
        String signature = TwilioFixtures.sign("0123456789abcdef0123456789abcdef", client.localUrl(path), params);

        HttpResponse<String> response = client.post(path, TwilioFixtures.encode(params), "X-Twilio-Signature", signature);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(client.post(path, TwilioFixtures.encode(params)).statusCode()).as("no signature").isEqualTo(403);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void aChangedCallerInTheSignedCallbackUrlIs403() {
        String callSid = "CA00000000000000000000000000000007";
        Map<String, String> absent = Map.of("AccountSid", TwilioFixtures.ACCOUNT_SID, "CallSid", callSid,
                "RecordingStatus", "absent");
        String signedFor = client.localUrl(callback("/recording-status"));
        String other = VOICE + "/recording-status?caller=%2B19995550000&called=" + URLEncoder.encode(LINE, StandardCharsets.UTF_8);

        assertThat(client.postSigned(other, signedFor, TwilioFixtures.encode(absent)).statusCode()).isEqualTo(403);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void aCallToANumberNoOrgOwnsIs404() {
        Map<String, String> params = call("CA00000000000000000000000000000008");
        params.put("To", "+15555550999");

        assertThat(client.postSigned(VOICE, params).statusCode()).isEqualTo(404);
    }

    private ConsumerRecord<String, String> single() {
        List<ConsumerRecord<String, String>> records = kafka.since(mark);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private MessageReceived decode(ConsumerRecord<String, String> record) {
        return (MessageReceived) codec.decode(record).orElseThrow().payload();
    }

    /** The callback URL as the TwiML names it (the caller and the called number in its signed query). */
    static String callback(String endpoint) {
        return VOICE + endpoint + "?caller=" + URLEncoder.encode(CALLER, StandardCharsets.UTF_8) + "&called="
                + URLEncoder.encode(LINE, StandardCharsets.UTF_8);
    }

    static String recordingUrl(String recordingSid) {
        return "https://api.twilio.com/2010-04-01/Accounts/" + TwilioFixtures.ACCOUNT_SID + "/Recordings/" + recordingSid;
    }

    static Map<String, String> call(String callSid) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", TwilioFixtures.ACCOUNT_SID);
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", callSid);
        params.put("CallStatus", "ringing");
        params.put("Direction", "inbound");
        params.put("From", CALLER);
        params.put("To", LINE);
        return params;
    }

    static Map<String, String> recorded(String callSid, String recordingUrl, String seconds) {
        Map<String, String> params = call(callSid);
        params.put("CallStatus", "in-progress");
        params.put("RecordingUrl", recordingUrl);
        params.put("RecordingSid", recordingUrl.substring(recordingUrl.lastIndexOf('/') + 1));
        params.put("RecordingDuration", seconds);
        params.put("Digits", "hangup");
        return params;
    }

    static Map<String, String> recordingStatus(String callSid, String recordingUrl, String status, String seconds) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", TwilioFixtures.ACCOUNT_SID);
        params.put("CallSid", callSid);
        params.put("RecordingSid", recordingUrl.substring(recordingUrl.lastIndexOf('/') + 1));
        params.put("RecordingUrl", recordingUrl);
        params.put("RecordingStatus", status);
        params.put("RecordingDuration", seconds);
        params.put("RecordingChannels", "1");
        params.put("RecordingSource", "RecordVerb");
        return params;
    }

    static Map<String, String> transcription(String callSid, String recordingUrl, String status, String text) {
        Map<String, String> params = call(callSid);
        params.put("CallStatus", "completed");
        params.put("TranscriptionSid", "TR00000000000000000000000000000001");
        params.put("TranscriptionStatus", status);
        params.put("TranscriptionText", text);
        params.put("TranscriptionUrl", "https://api.twilio.com/2010-04-01/Accounts/" + TwilioFixtures.ACCOUNT_SID
                + "/Transcriptions/TR00000000000000000000000000000001");
        params.put("RecordingSid", recordingUrl.substring(recordingUrl.lastIndexOf('/') + 1));
        params.put("RecordingUrl", recordingUrl);
        return params;
    }
}
