package com.crmfactory.messaging.ingest.voice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Say;

/**
 * The TwiML of a call, built with the Twilio SDK's builders (docs/twilio.md#voice): a greeting, then
 * {@code <Record>} with transcription and its three callbacks under the voice webhook's own URL, so they are
 * posted to the same public origin the signature check uses. The recording-status and transcription
 * callbacks carry the caller and the called number in their query (Twilio signs the URL with its query, so
 * they cannot be changed): the recording-status callback has no {@code From}/{@code To} of its own.
 */
final class VoicemailTwiml {

    static final String RECORDED = "/recorded";
    static final String RECORDING_STATUS = "/recording-status";
    static final String TRANSCRIPTION = "/transcription";
    static final String CALLER = "caller";
    static final String CALLED = "called";

    private VoicemailTwiml() {
    }

    /**
     * @param voiceUrl the public URL of the voice webhook as Twilio called it (query excluded)
     */
    static String greetAndRecord(String voiceUrl, String greeting, String from, String to, VoiceProperties settings) {
        String query = "?" + CALLER + "=" + encode(from) + "&" + CALLED + "=" + encode(to);
        Record.Builder record = new Record.Builder()
                .action(voiceUrl + RECORDED)
                .method(HttpMethod.POST)
                .maxLength(settings.maxLength())
                .timeout(settings.silenceTimeout())
                .playBeep(true)
                .recordingStatusCallback(voiceUrl + RECORDING_STATUS + query)
                .recordingStatusCallbackMethod(HttpMethod.POST)
                .recordingStatusCallbackEvents(List.of(Record.RecordingEvent.COMPLETED, Record.RecordingEvent.ABSENT));
        if (settings.transcribe()) {
            record.transcribe(true).transcribeCallback(voiceUrl + TRANSCRIPTION + query);
        }
        return xml(new VoiceResponse.Builder().say(new Say.Builder(greeting).build()).record(record.build()).build());
    }

    /** The answer to the recording's action callback: the voicemail is taken, end the call. */
    static String hangUp() {
        return xml(new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build());
    }

    private static String xml(VoiceResponse response) {
        try {
            return response.toXml();
        } catch (TwiMLException e) {
            throw new IllegalStateException("TwiML could not be rendered", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
