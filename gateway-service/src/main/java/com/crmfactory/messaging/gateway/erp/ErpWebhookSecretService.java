package com.crmfactory.messaging.gateway.erp;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import com.crmfactory.messaging.gateway.org.OrgService;
import com.crmfactory.messaging.support.web.ErpWebhookSecret;

/**
 * An org's ERP webhook secret, derived on request from the master (never stored, never on Kafka): the same
 * derivation webhook-ingest-service verifies with, so showing it needs no coordination.
 */
@Service
@EnableConfigurationProperties(ErpWebhookProperties.class)
class ErpWebhookSecretService {

    static final String WEBHOOK_PATH = "/api/v1/webhooks/erp/order-status";
    /** webhook-ingest-service's {@code platform.erp-webhook.max-clock-skew} default. */
    static final long MAX_CLOCK_SKEW_SECONDS = 300;

    private final OrgService orgs;
    private final ErpWebhookProperties properties;

    ErpWebhookSecretService(OrgService orgs, ErpWebhookProperties properties) {
        this.orgs = orgs;
        this.properties = properties;
    }

    /** @throws com.crmfactory.messaging.support.web.NotFoundException for an unknown org */
    ErpWebhookSecretView secretOf(String orgId) {
        if (!properties.configured()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "The ERP webhook is not configured: set PLATFORM_ERP_WEBHOOK_SECRET on the gateway and webhook-ingest-service.");
        }
        String id = orgs.get(orgId).id();
        return new ErpWebhookSecretView(id, ErpWebhookSecret.derive(properties.secret().strip(), id),
                ErpWebhookSecret.ALGORITHM, WEBHOOK_PATH, ErpWebhookSecret.ORG_HEADER, ErpWebhookSecret.TIMESTAMP_HEADER,
                ErpWebhookSecret.SIGNATURE_HEADER,
                ErpWebhookSecret.SIGNATURE_PREFIX + "hex(HMAC-SHA256(secret, timestamp + \".\" + rawBody))",
                MAX_CLOCK_SKEW_SECONDS);
    }
}
