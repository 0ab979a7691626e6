package com.crmfactory.messaging.ingest.voice;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.TenantSettings;
import com.crmfactory.messaging.events.common.TriggerChannel;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.ingest.tenant.TenantRouter;
import com.crmfactory.messaging.ingest.webhook.AcknowledgedPublisher;
import com.crmfactory.messaging.ingest.webhook.TwilioWebhook;
import com.crmfactory.messaging.ingest.webhook.WebhookKind;
import com.crmfactory.messaging.ingest.webhook.WebhookMetrics;
import com.crmfactory.messaging.ingest.webhook.WebhookRejectedException;
import com.crmfactory.messaging.support.logging.LogMasking;

/**
 * A call becomes exactly one inbound message on channel {@code voice}, trigger channel {@code voicemail},
 * without a database: each call's message has one provider id, {@code call:<CallSid>}, and is published by
 * whichever callback is the last one that call will get:
 * <ul>
 * <li>the transcription callback, when a transcription was asked for and the recording is long enough to be
 * transcribed (over 2 s): the transcript (empty if it failed) and the recording;</li>
 * <li>the recording's action callback otherwise: the recording with an empty body, or "missed call" when
 * nothing was recorded;</li>
 * <li>the recording-status callback with {@code RecordingStatus=absent}: "missed call".</li>
 * </ul>
 * A missed call can be reported by both the action and the recording-status callback, and Twilio may retry
 * any of them: every copy carries the same provider id, and conversation-service stores one message per
 * provider id, as it does for a retried SMS.
 */
@Service
@EnableConfigurationProperties(VoiceProperties.class)
public class VoiceService {

    static final String MISSED_CALL = "missed call";
    /** Twilio transcribes only recordings longer than this (docs/twilio.md#voice). */
    static final int MIN_TRANSCRIBED_SECONDS = 2;
    private static final String RECORDING_CONTENT_TYPE = "audio/x-wav";
    private static final Logger log = LoggerFactory.getLogger(VoiceService.class);

    private final TenantRouter tenants;
    private final AcknowledgedPublisher publisher;
    private final WebhookMetrics metrics;
    private final VoiceProperties properties;
    private final Clock clock;

    VoiceService(TenantRouter tenants, AcknowledgedPublisher publisher, WebhookMetrics metrics,
            VoiceProperties properties, Clock clock) {
        this.tenants = tenants;
        this.publisher = publisher;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** The TwiML for an incoming call: the org's greeting (or the default) and the voicemail recording. */
    public String answer(TwilioWebhook webhook) {
        webhook.required("CallSid");
        String from = webhook.required("From");
        String to = webhook.required("To");
        String orgId = tenants.orgReceivingOn("To", to);
        TenantSettings settings = tenants.settingsOf(orgId);
        String greeting = settings.voiceGreeting() == null || settings.voiceGreeting().isBlank()
                ? properties.greeting() : settings.voiceGreeting();
        log.info("Call {} for org {} answered with a voicemail prompt", webhook.required("CallSid"), orgId);
        return VoicemailTwiml.greetAndRecord(voiceUrl(webhook.url()), greeting, from, to, properties);
    }

    /** The recording's action callback: publishes unless a transcription callback will follow. */
    public void recorded(TwilioWebhook webhook) {
        String callSid = webhook.required("CallSid");
        String recordingUrl = webhook.text("RecordingUrl");
        int seconds = seconds(webhook.text("RecordingDuration"));
        if (recordingUrl == null || seconds <= 0) {
            publish(webhook, callSid, MISSED_CALL, null, "action, nothing recorded");
        } else if (!properties.transcribe() || seconds <= MIN_TRANSCRIBED_SECONDS) {
            publish(webhook, callSid, "", recordingUrl, "action, no transcription will follow");
        } else {
            log.debug("Call {}: recorded {} s, waiting for the transcription", callSid, seconds);
        }
    }

    /** The recording-status callback: only {@code absent} (no recording at all) publishes, as a missed call. */
    public void recordingStatus(TwilioWebhook webhook) {
        String callSid = webhook.required("CallSid");
        String status = webhook.required("RecordingStatus");
        if ("absent".equalsIgnoreCase(status)) {
            publish(webhook, callSid, MISSED_CALL, null, "recording absent");
        }
    }

    /** The transcription callback: the voicemail with its transcript (empty when transcription failed). */
    public void transcribed(TwilioWebhook webhook) {
        String callSid = webhook.required("CallSid");
        String status = webhook.text("TranscriptionStatus");
        String text = "completed".equalsIgnoreCase(status) && webhook.text("TranscriptionText") != null
                ? webhook.param("TranscriptionText") : "";
        publish(webhook, callSid, text, webhook.text("RecordingUrl"), "transcription " + status);
    }

    private void publish(TwilioWebhook webhook, String callSid, String body, String recordingUrl, String why) {
        String from = party(webhook, "From", VoicemailTwiml.CALLER);
        String to = party(webhook, "To", VoicemailTwiml.CALLED);
        String orgId = tenants.orgReceivingOn("To", to);
        List<Media> media = recordingUrl == null ? List.of() : List.of(new Media(recordingUrl, RECORDING_CONTENT_TYPE));
        MessageReceived event = new MessageReceived(orgId, providerMessageId(callSid), Channel.VOICE,
                TriggerChannel.VOICEMAIL, from, to, body, media, null, null, null, null, null, null, null,
                clock.instant());
        publisher.publish(Topics.INBOUND, event.conversationKey().value(), event);
        metrics.accepted(WebhookKind.VOICE, TriggerChannel.VOICEMAIL.wire());
        log.info("Published the voicemail of call {} for org {} from {} ({}; {})", callSid, orgId,
                LogMasking.phone(from), why, LogMasking.body(body));
    }

    /** One message per call: every callback of a call names the same provider message id. */
    static String providerMessageId(String callSid) {
        return "call:" + callSid;
    }

    /** A form parameter, else the one our callback URL carries (signed with the URL). */
    private static String party(TwilioWebhook webhook, String param, String queryName) {
        String value = webhook.text(param);
        if (value == null) {
            value = webhook.query().get(queryName);
        }
        if (value == null || value.isBlank()) {
            throw WebhookRejectedException.badRequest(param, "Parameter " + param + " is required.");
        }
        return value;
    }

    private static int seconds(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.badRequest("RecordingDuration",
                    "RecordingDuration must be a number, got '" + value + "'.");
        }
    }

    /** The voice webhook's public URL (as signed), without query: the callbacks hang below it. */
    private static String voiceUrl(String signedUrl) {
        int at = signedUrl.indexOf(WebhookKind.VOICE_PATH);
        int query = signedUrl.indexOf('?');
        return at >= 0 ? signedUrl.substring(0, at + WebhookKind.VOICE_PATH.length())
                : query >= 0 ? signedUrl.substring(0, query) : signedUrl;
    }
}
