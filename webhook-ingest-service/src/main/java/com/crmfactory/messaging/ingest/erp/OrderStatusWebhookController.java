package com.crmfactory.messaging.ingest.erp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.ingest.webhook.WebhookKind;
import com.crmfactory.messaging.ingest.webhook.WebhookProperties;
import com.crmfactory.messaging.ingest.webhook.WebhookRejectedException;
import com.crmfactory.messaging.support.web.ErpWebhookSecret;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The ERP's order status webhook. The body is read once as raw bytes (the signature covers them exactly) and
 * answered 202 with the event id once Kafka has the event; errors are problem+json (WebhookExceptionHandler).
 */
@RestController
class OrderStatusWebhookController {

    private final OrderStatusWebhookService service;
    private final WebhookProperties properties;

    OrderStatusWebhookController(OrderStatusWebhookService service, WebhookProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @PostMapping(WebhookKind.ERP_ORDER_STATUS_PATH)
    ResponseEntity<Map<String, String>> receive(HttpServletRequest request) throws IOException {
        String id = service.accept(request.getHeader(ErpWebhookSecret.ORG_HEADER),
                request.getHeader(ErpWebhookSecret.TIMESTAMP_HEADER), request.getHeader(ErpWebhookSecret.SIGNATURE_HEADER),
                body(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("eventId", id));
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        long limit = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw WebhookRejectedException.tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) limit + 1);
            if (body.length > limit) {
                throw WebhookRejectedException.tooLarge(limit);
            }
            return body;
        }
    }
}
