package com.crmfactory.messaging.devstack.twilio;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * A simulated phone call, driven through the real Twilio Voice webhook sequence (docs/twilio.md#voice): the
 * incoming-call webhook, whose TwiML answer names the {@code <Record>} callbacks; then, as Twilio does after the
 * caller spoke for {@code recordingSeconds}, the recording's {@code action} callback, the
 * {@code recordingStatusCallback} ({@code completed}) and the {@code transcribeCallback} with the transcript
 * (only when the TwiML asked for a transcription and the recording is over 2 s, as Twilio transcribes). With
 * {@code recordingSeconds} 0 the caller hung up without speaking: the action callback without a recording, then
 * {@code RecordingStatus=absent}. Every request is signed with {@code X-Twilio-Signature} over the exact URL
 * (query included) the TwiML gave, as Twilio signs. The recording URL points at this simulator, which serves a
 * silent WAV there.
 */
final class VoiceCalls {

    static final String VOICE_PATH = "/api/v1/webhooks/telephony/voice";
    /** Twilio transcribes only recordings longer than this. */
    static final int MIN_TRANSCRIBED_SECONDS = 2;

    private final TwilioSimulator sim;
    private final String ingestBaseUrl;

    VoiceCalls(TwilioSimulator sim, String ingestBaseUrl) {
        this.sim = sim;
        this.ingestBaseUrl = ingestBaseUrl;
    }

    /** One step of a call: which webhook, where it went, what it answered. */
    record Step(String name, String url, int status) {
        Map<String, Object> view() {
            return Map.of("step", name, "url", url, "status", status);
        }
    }

    /** The outcome of a call: its SID, its recording (null when none) and each request made, in order. */
    record Call(String callSid, String recordingUrl, List<Step> steps, String error) {
        boolean ok() {
            return error == null && steps.stream().allMatch(s -> s.status() >= 200 && s.status() < 300);
        }

        Map<String, Object> view() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("callSid", callSid);
            v.put("recordingUrl", recordingUrl);
            v.put("ok", ok());
            v.put("steps", steps.stream().map(Step::view).toList());
            if (error != null) {
                v.put("error", error);
            }
            return v;
        }
    }

    Call call(String phone, String to, String transcript, int recordingSeconds) {
        String callSid = "CA" + hex();
        List<Step> steps = new ArrayList<>();
        Map<String, String> call = callParams(callSid, phone, to, "ringing");
        String voiceUrl = ingestBaseUrl + VOICE_PATH;
        HttpResponse<String> answer = sim.callbacks.exchange(voiceUrl, call);
        steps.add(new Step("voice", voiceUrl, answer == null ? -1 : answer.statusCode()));
        if (answer == null || answer.statusCode() != 200) {
            return new Call(callSid, null, steps, "the voice webhook answered " + (answer == null ? "nothing" : answer.statusCode()
                    + ": " + answer.body()));
        }
        Element record;
        try {
            record = record(answer.body());
        } catch (Exception e) {
            return new Call(callSid, null, steps, "the answer is not TwiML: " + e.getMessage());
        }
        if (record == null) {
            return new Call(callSid, null, steps, "the TwiML has no <Record>");
        }
        String action = absolute(record.getAttribute("action"), voiceUrl);
        String statusCallback = absolute(record.getAttribute("recordingStatusCallback"), voiceUrl);
        String transcribeCallback = absolute(record.getAttribute("transcribeCallback"), voiceUrl);
        boolean transcribe = "true".equalsIgnoreCase(record.getAttribute("transcribe")) && transcribeCallback != null;

        if (recordingSeconds <= 0) {
            Map<String, String> hungUp = callParams(callSid, phone, to, "completed");
            hungUp.put("Digits", "hangup");
            hungUp.put("RecordingDuration", "0");
            step(steps, "recorded", action, hungUp);
            if (statusCallback != null) {
                Map<String, String> absent = new LinkedHashMap<>();
                absent.put("AccountSid", sim.accountSid);
                absent.put("CallSid", callSid);
                absent.put("RecordingStatus", "absent");
                absent.put("RecordingSource", "RecordVerb");
                step(steps, "recording-status", statusCallback, absent);
            }
            return new Call(callSid, null, steps, null);
        }

        String recordingSid = "RE" + hex();
        String recordingUrl = sim.publicUrl() + "/2010-04-01/Accounts/" + sim.accountSid + "/Recordings/" + recordingSid;
        Map<String, String> recorded = callParams(callSid, phone, to, "in-progress");
        recorded.put("RecordingUrl", recordingUrl);
        recorded.put("RecordingSid", recordingSid);
        recorded.put("RecordingDuration", String.valueOf(recordingSeconds));
        recorded.put("Digits", "hangup");
        step(steps, "recorded", action, recorded);
        if (statusCallback != null) {
            Map<String, String> status = new LinkedHashMap<>();
            status.put("AccountSid", sim.accountSid);
            status.put("CallSid", callSid);
            status.put("RecordingSid", recordingSid);
            status.put("RecordingUrl", recordingUrl);
            status.put("RecordingStatus", "completed");
            status.put("RecordingDuration", String.valueOf(recordingSeconds));
            status.put("RecordingChannels", "1");
            status.put("RecordingSource", "RecordVerb");
            step(steps, "recording-status", statusCallback, status);
        }
        if (transcribe && recordingSeconds > MIN_TRANSCRIBED_SECONDS) {
            String transcriptionSid = "TR" + hex();
            Map<String, String> transcription = callParams(callSid, phone, to, "completed");
            transcription.put("TranscriptionSid", transcriptionSid);
            transcription.put("TranscriptionStatus", "completed");
            transcription.put("TranscriptionText", transcript == null ? "" : transcript);
            transcription.put("TranscriptionUrl", sim.publicUrl() + "/2010-04-01/Accounts/" + sim.accountSid
                    + "/Transcriptions/" + transcriptionSid);
            transcription.put("RecordingSid", recordingSid);
            transcription.put("RecordingUrl", recordingUrl);
            step(steps, "transcription", transcribeCallback, transcription);
        }
        return new Call(callSid, recordingUrl, steps, null);
    }

    private void step(List<Step> steps, String name, String url, Map<String, String> params) {
        HttpResponse<String> response = sim.callbacks.exchange(url, params);
        steps.add(new Step(name, url, response == null ? -1 : response.statusCode()));
    }

    private Map<String, String> callParams(String callSid, String phone, String to, String status) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", sim.accountSid);
        p.put("ApiVersion", "2010-04-01");
        p.put("CallSid", callSid);
        p.put("CallStatus", status);
        p.put("Direction", "inbound");
        p.put("From", phone);
        p.put("Caller", phone);
        p.put("To", to);
        p.put("Called", to);
        return p;
    }

    /** The {@code <Record>} of a TwiML answer (attribute values come back unescaped: {@code &amp;} → {@code &}). */
    static Element record(String twiml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(twiml))).getDocumentElement();
        return (Element) root.getElementsByTagName("Record").item(0);
    }

    /** TwiML URLs may be relative to the document's URL; Twilio resolves them so. Null when absent. */
    static String absolute(String url, String base) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return java.net.URI.create(base).resolve(url).toString();
    }

    /** A silent mono 8 kHz 16-bit WAV of the given length (capped at 10 s), what the recording URL serves. */
    static byte[] silentWav(int seconds) {
        int samples = 8000 * Math.max(1, Math.min(seconds, 10));
        int dataBytes = samples * 2;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(dataBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + dataBytes);
        out.writeBytes(header.array());
        out.writeBytes(new byte[dataBytes]);
        return out.toByteArray();
    }

    private static String hex() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
