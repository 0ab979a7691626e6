package com.crmfactory.messaging.devstack.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's phone call and e-mail against a fake ingest that answers like webhook-ingest-service: the call
 * follows the voice webhook's TwiML ({@code <Record>} callback URLs with a signed query, XML-escaped) through the
 * action, recording-status and transcription callbacks, each signed over its exact URL; a missed call is an action
 * without a recording then {@code RecordingStatus=absent}; the e-mail is an Inbound Parse multipart on the token's path.
 */
class VoiceAndEmailSimulationTest {

    static final String SID = "AC00000000000000000000000000000001";
    static final String TOKEN = "0123456789abcdef0123456789abcdef";
    static final String LINE = "+15005550006";
    static final String CALLER = "+14155550100";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    record Received(String path, String contentType, String body, boolean signatureValid) {
        Map<String, String> form() {
            Map<String, String> params = new LinkedHashMap<>();
            SimHttp.form(body).forEach((k, v) -> params.put(k, v.get(0)));
            return params;
        }
    }

    static HttpServer ingest;
    static TwilioSimulator sim;
    static String hook;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        ingest = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        ingest.createContext("/", VoiceAndEmailSimulationTest::answer);
        ingest.start();
        hook = "http://localhost:" + ingest.getAddress().getPort();
        sim = new TwilioSimulator(0, SID, TOKEN, hook, 50);
        base = "http://localhost:" + sim.port();
    }

    @AfterAll
    static void stop() {
        sim.close();
        ingest.stop(0);
    }

    @BeforeEach
    void clear() {
        RECEIVED.clear();
    }

    /** Like the ingest: TwiML with a {@code <Record>} for the voice webhook, 200 for the action, 204 for the rest. */
    static void answer(HttpExchange ex) throws java.io.IOException {
        String url = hook + ex.getRequestURI();
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            SimHttp.form(body).forEach((k, v) -> params.put(k, v.get(0)));
        }
        boolean valid = expectedSignature(url, params).equals(ex.getRequestHeaders().getFirst("X-Twilio-Signature"));
        RECEIVED.add(new Received(ex.getRequestURI().toString(), type, body, valid));
        String path = ex.getRequestURI().getPath();
        if (path.equals(VoiceCalls.VOICE_PATH)) {
            String voice = hook + VoiceCalls.VOICE_PATH;
            String query = "?caller=" + enc(params.get("From")) + "&amp;called=" + enc(params.get("To"));
            SimHttp.send(ex, 200, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Hello</Say>"
                    + "<Record action=\"" + voice + "/recorded\" maxLength=\"110\" method=\"POST\" playBeep=\"true\""
                    + " recordingStatusCallback=\"" + voice + "/recording-status" + query + "\""
                    + " recordingStatusCallbackEvent=\"completed absent\" recordingStatusCallbackMethod=\"POST\" timeout=\"5\""
                    + " transcribe=\"true\" transcribeCallback=\"" + voice + "/transcription" + query + "\"/></Response>");
        } else if (path.endsWith("/recorded")) {
            SimHttp.send(ex, 200, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>");
        } else {
            ex.sendResponseHeaders(path.startsWith("/api/v1/webhooks/email/") ? 200 : 204, -1);
        }
        ex.close();
    }

    @Test
    void aCallLeavesAVoicemailThroughTheRealWebhookSequenceEachStepSigned() throws Exception {
        HttpResponse<String> response = post("/sim/customer/call",
                "{\"phone\":\"" + CALLER + "\",\"transcript\":\"I need 250 hex bolts by Friday.\",\"recordingSeconds\":12}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode call = JSON.readTree(response.body());
        assertThat(call.path("ok").asBoolean()).isTrue();
        String query = "?caller=" + enc(CALLER) + "&called=" + enc(LINE);
        assertThat(RECEIVED).extracting(Received::path).containsExactly(VoiceCalls.VOICE_PATH, VoiceCalls.VOICE_PATH + "/recorded",
                VoiceCalls.VOICE_PATH + "/recording-status" + query, VoiceCalls.VOICE_PATH + "/transcription" + query);
        assertThat(RECEIVED).as("every request signed over its URL, query included").allMatch(Received::signatureValid);

        String callSid = call.path("callSid").asString();
        assertThat(callSid).matches("CA[0-9a-f]{32}");
        Map<String, String> voice = RECEIVED.get(0).form();
        assertThat(voice).containsEntry("CallSid", callSid).containsEntry("From", CALLER).containsEntry("To", LINE)
                .containsEntry("AccountSid", SID).containsEntry("Direction", "inbound").containsEntry("CallStatus", "ringing");
        Map<String, String> recorded = RECEIVED.get(1).form();
        String recording = recorded.get("RecordingUrl");
        assertThat(recorded).containsEntry("CallSid", callSid).containsEntry("RecordingDuration", "12").containsEntry("From", CALLER);
        assertThat(recording).isEqualTo(call.path("recordingUrl").asString()).startsWith(base + "/2010-04-01/Accounts/" + SID + "/Recordings/RE");
        assertThat(RECEIVED.get(2).form()).containsEntry("RecordingStatus", "completed").containsEntry("RecordingUrl", recording)
                .doesNotContainKey("From");
        assertThat(RECEIVED.get(3).form()).containsEntry("TranscriptionStatus", "completed")
                .containsEntry("TranscriptionText", "I need 250 hex bolts by Friday.").containsEntry("RecordingUrl", recording)
                .containsEntry("CallSid", callSid);

        // the recording URL serves audio, with the account's Basic auth like Twilio's
        HttpResponse<byte[]> wav = HTTP.send(HttpRequest.newBuilder(URI.create(recording))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(wav.statusCode()).isEqualTo(200);
        assertThat(wav.headers().firstValue("Content-Type")).hasValue("audio/x-wav");
        assertThat(new String(wav.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    }

    @Test
    void aCallWithoutSpeakingIsAMissedCallActionThenRecordingAbsent() throws Exception {
        HttpResponse<String> response = post("/sim/customer/call",
                "{\"phone\":\"" + CALLER + "\",\"to\":\"+15005550007\",\"transcript\":\"\",\"recordingSeconds\":0}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String query = "?caller=" + enc(CALLER) + "&called=" + enc("+15005550007");
        assertThat(RECEIVED).extracting(Received::path).containsExactly(VoiceCalls.VOICE_PATH, VoiceCalls.VOICE_PATH + "/recorded",
                VoiceCalls.VOICE_PATH + "/recording-status" + query);
        assertThat(RECEIVED).allMatch(Received::signatureValid);
        assertThat(RECEIVED.get(1).form()).containsEntry("RecordingDuration", "0").doesNotContainKey("RecordingUrl")
                .containsEntry("To", "+15005550007");
        assertThat(RECEIVED.get(2).form()).containsEntry("RecordingStatus", "absent").doesNotContainKey("RecordingUrl");
    }

    @Test
    void aShortRecordingGetsNoTranscriptionCallback() throws Exception {
        assertThat(post("/sim/customer/call", "{\"phone\":\"" + CALLER + "\",\"transcript\":\"hi\",\"recordingSeconds\":2}")
                .statusCode()).isEqualTo(200);

        assertThat(RECEIVED).extracting(r -> r.path().replaceAll("\\?.*", "")).containsExactly(VoiceCalls.VOICE_PATH,
                VoiceCalls.VOICE_PATH + "/recorded", VoiceCalls.VOICE_PATH + "/recording-status");
    }

    @Test
    void anEmailIsAnInboundParseMultipartOnTheOrgsTokenPath() throws Exception {
        sim.emailInbound("eml_secret-token", "support@acme.example.com");

        HttpResponse<String> response = post("/sim/customer/email", "{\"from\":\"Sam Customer <sam@customer.example.net>\","
                + "\"subject\":\"Order 4711\",\"text\":\"Where is my order?\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(RECEIVED).hasSize(1);
        Received post = RECEIVED.get(0);
        assertThat(post.path()).isEqualTo("/api/v1/webhooks/email/inbound/eml_secret-token");
        assertThat(post.contentType()).startsWith("multipart/form-data; boundary=");
        Map<String, String> fields = parts(post);
        assertThat(fields).containsEntry("from", "Sam Customer <sam@customer.example.net>")
                .containsEntry("to", "support@acme.example.com").containsEntry("subject", "Order 4711")
                .containsEntry("text", "Where is my order?");
        JsonNode envelope = JSON.readTree(fields.get("envelope"));
        assertThat(envelope.path("to").get(0).asString()).isEqualTo("support@acme.example.com");
        assertThat(envelope.path("from").asString()).isEqualTo("sam@customer.example.net");
        assertThat(fields.get("headers")).contains("Message-ID: " + JSON.readTree(response.body()).path("messageId").asString())
                .contains("Subject: Order 4711");
    }

    /** The fields of a multipart/form-data body. */
    static Map<String, String> parts(Received post) {
        String boundary = post.contentType().substring(post.contentType().indexOf("boundary=") + 9);
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> chunks = new ArrayList<>(List.of(post.body().split("--" + boundary)));
        for (String chunk : chunks) {
            int nameAt = chunk.indexOf("name=\"");
            int headerEnd = chunk.indexOf("\r\n\r\n");
            if (nameAt < 0 || headerEnd < 0) {
                continue;
            }
            String name = chunk.substring(nameAt + 6, chunk.indexOf('"', nameAt + 6));
            fields.put(name, chunk.substring(headerEnd + 4, chunk.length() - 2));
        }
        return fields;
    }

    /** Twilio's algorithm, written out here independently of the simulator's signer. */
    static String expectedSignature(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
