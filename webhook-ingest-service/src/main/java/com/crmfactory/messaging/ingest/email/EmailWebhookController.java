package com.crmfactory.messaging.ingest.email;

import java.io.IOException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.ingest.webhook.WebhookKind;

import jakarta.servlet.http.HttpServletRequest;

/**
 * SendGrid Inbound Parse: {@code …/email/inbound/{token}} (the org's secret token in the path) or
 * {@code …/email/inbound} (SendGrid's signature, for orgs that configured its public key). Answers 200 once the
 * message is in Kafka; errors are problem+json (see WebhookExceptionHandler).
 */
@RestController
class EmailWebhookController {

    private final EmailPostReader reader;
    private final InboundEmailService service;

    EmailWebhookController(EmailPostReader reader, InboundEmailService service) {
        this.reader = reader;
        this.service = service;
    }

    @PostMapping(WebhookKind.EMAIL_PATH + "/{token}")
    ResponseEntity<Void> withToken(@PathVariable String token, HttpServletRequest request) throws IOException {
        return receive(token, request);
    }

    @PostMapping(WebhookKind.EMAIL_PATH)
    ResponseEntity<Void> signed(HttpServletRequest request) throws IOException {
        return receive(null, request);
    }

    private ResponseEntity<Void> receive(String token, HttpServletRequest request) throws IOException {
        service.accept(reader.read(request), token, request.getHeader(EmailAuthenticator.SIGNATURE_HEADER),
                request.getHeader(EmailAuthenticator.TIMESTAMP_HEADER));
        return ResponseEntity.ok().build();
    }
}
