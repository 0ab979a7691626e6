package com.crmfactory.messaging.ingest.voice;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.ingest.webhook.Twiml;
import com.crmfactory.messaging.ingest.webhook.TwilioWebhook;
import com.crmfactory.messaging.ingest.webhook.WebhookKind;

/**
 * Twilio Voice: the incoming-call webhook answers TwiML that records a voicemail; the recording's action,
 * recording-status and transcription callbacks turn it into one inbound message. All are signed by Twilio
 * ({@link TwilioWebhook}); errors are problem+json (see WebhookExceptionHandler).
 */
@RestController
class VoiceController {

    private final VoiceService service;

    VoiceController(VoiceService service) {
        this.service = service;
    }

    @PostMapping(WebhookKind.VOICE_PATH)
    ResponseEntity<String> incomingCall(TwilioWebhook webhook) {
        return Twiml.of(service.answer(webhook));
    }

    @PostMapping(WebhookKind.VOICE_PATH + VoicemailTwiml.RECORDED)
    ResponseEntity<String> recorded(TwilioWebhook webhook) {
        service.recorded(webhook);
        return Twiml.of(VoicemailTwiml.hangUp());
    }

    @PostMapping(WebhookKind.VOICE_PATH + VoicemailTwiml.RECORDING_STATUS)
    ResponseEntity<Void> recordingStatus(TwilioWebhook webhook) {
        service.recordingStatus(webhook);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(WebhookKind.VOICE_PATH + VoicemailTwiml.TRANSCRIPTION)
    ResponseEntity<Void> transcription(TwilioWebhook webhook) {
        service.transcribed(webhook);
        return ResponseEntity.noContent().build();
    }
}
