package com.crmfactory.messaging.ingest.erp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.ingest.webhook.WebhookRejectedException;
import com.crmfactory.messaging.support.web.ErpWebhookSecret;

/**
 * Checks an ERP webhook's {@code X-Signature} against the org's derived secret (under the master or any
 * additional master, compared in constant time) and refuses a {@code X-Timestamp} outside the allowed clock skew,
 * so a captured request cannot be replayed later.
 */
@Component
@EnableConfigurationProperties(ErpWebhookProperties.class)
class ErpSignatureVerifier {

    private final ErpWebhookProperties properties;
    private final Clock clock;

    ErpSignatureVerifier(ErpWebhookProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @return the instant of {@code X-Timestamp}
     * @throws WebhookRejectedException 503 without a master secret, 401 naming the header at fault
     */
    Instant verify(String orgId, String timestamp, String signature, byte[] rawBody) {
        if (!properties.configured()) {
            throw WebhookRejectedException.notConfigured(
                    "The ERP webhook is not configured on this installation (PLATFORM_ERP_WEBHOOK_SECRET).");
        }
        Instant sentAt = timestampOf(timestamp);
        if (signature == null || signature.isBlank()) {
            throw WebhookRejectedException.unauthenticated(ErpWebhookSecret.SIGNATURE_HEADER,
                    ErpWebhookSecret.SIGNATURE_HEADER + " is missing.");
        }
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        for (String master : properties.masters()) {
            String expected = ErpWebhookSecret.signature(ErpWebhookSecret.derive(master, orgId), timestamp, rawBody);
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given)) {
                return sentAt;
            }
        }
        throw WebhookRejectedException.unauthenticated(ErpWebhookSecret.SIGNATURE_HEADER,
                ErpWebhookSecret.SIGNATURE_HEADER + " does not match the org's secret over X-Timestamp.body.");
    }

    private Instant timestampOf(String timestamp) {
        Instant sentAt;
        try {
            sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp == null ? "" : timestamp));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw WebhookRejectedException.unauthenticated(ErpWebhookSecret.TIMESTAMP_HEADER,
                    ErpWebhookSecret.TIMESTAMP_HEADER + " must be the sending time in Unix seconds.");
        }
        if (Duration.between(sentAt, clock.instant()).abs().compareTo(properties.maxClockSkew()) > 0) {
            throw WebhookRejectedException.unauthenticated(ErpWebhookSecret.TIMESTAMP_HEADER,
                    ErpWebhookSecret.TIMESTAMP_HEADER + " is more than " + properties.maxClockSkew().toMinutes()
                            + " minutes away from now (replayed or clock skew).");
        }
        return sentAt;
    }
}
