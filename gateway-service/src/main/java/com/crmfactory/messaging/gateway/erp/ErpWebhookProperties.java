package com.crmfactory.messaging.gateway.erp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret the master every org's ERP webhook secret is derived from ({@code PLATFORM_ERP_WEBHOOK_SECRET}, the
 *        same value webhook-ingest-service checks signatures with); unset: the secrets cannot be shown (503)
 */
@ConfigurationProperties("platform.erp-webhook")
record ErpWebhookProperties(String secret) {

    boolean configured() {
        return secret != null && !secret.isBlank();
    }
}
