package com.crmfactory.messaging.gateway.erp;

/**
 * What an ERP needs to sign its order-status webhooks for one org.
 *
 * @param signatureFormat how {@code signatureHeader} is built from the secret, the timestamp and the raw body
 */
record ErpWebhookSecretView(String orgId, String secret, String algorithm, String webhookPath, String orgHeader,
        String timestampHeader, String signatureHeader, String signatureFormat, long maxClockSkewSeconds) {
}
