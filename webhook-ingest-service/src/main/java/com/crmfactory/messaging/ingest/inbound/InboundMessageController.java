package com.crmfactory.messaging.ingest.inbound;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.ingest.webhook.Twiml;
import com.crmfactory.messaging.ingest.webhook.TwilioWebhook;
import com.crmfactory.messaging.ingest.webhook.WebhookKind;

/** Twilio's "a message comes in" webhook for SMS, MMS and WhatsApp. */
@RestController
class InboundMessageController {

    private final InboundMessageService service;

    InboundMessageController(InboundMessageService service) {
        this.service = service;
    }

    /** Answers empty TwiML once the message is in Kafka; errors are problem+json (see WebhookExceptionHandler). */
    @PostMapping(WebhookKind.MESSAGE_PATH)
    ResponseEntity<String> receive(TwilioWebhook webhook) {
        service.accept(webhook);
        return Twiml.emptyResponse();
    }
}
