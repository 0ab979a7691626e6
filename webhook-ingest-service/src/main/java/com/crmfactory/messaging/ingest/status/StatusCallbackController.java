package com.crmfactory.messaging.ingest.status;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.ingest.webhook.TwilioWebhook;
import com.crmfactory.messaging.ingest.webhook.WebhookKind;

/** Twilio's delivery status callbacks (the {@code StatusCallback} URL of outbound messages). */
@RestController
class StatusCallbackController {

    private final StatusCallbackService service;

    StatusCallbackController(StatusCallbackService service) {
        this.service = service;
    }

    /** Status callbacks need no TwiML: 204 once the status is in Kafka. */
    @PostMapping(WebhookKind.STATUS_PATH)
    ResponseEntity<Void> receive(TwilioWebhook webhook) {
        service.accept(webhook);
        return ResponseEntity.noContent().build();
    }
}
