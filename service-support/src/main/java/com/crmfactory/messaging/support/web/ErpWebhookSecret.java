package com.crmfactory.messaging.support.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The recipe shared by the gateway (which shows an org its secret) and webhook-ingest-service (which checks the
 * ERP's signatures): an org's ERP webhook secret is derived from one master secret
 * ({@code PLATFORM_ERP_WEBHOOK_SECRET}), so no per-org secret is stored or travels on Kafka (the tenants topic
 * never carries secrets, and the ingest has no database). See docs/decisions/0013.
 *
 * <p>secret = hex(HMAC-SHA256(master, {@value #DERIVATION_PREFIX} + orgId)); a request's signature =
 * {@value #SIGNATURE_PREFIX} + hex(HMAC-SHA256(secret, timestamp + "." + rawBody)).
 */
public final class ErpWebhookSecret {

    // not X-Org-*: the gateway strips every X-Org-* / X-Tenant-* header a client sends (OrgHeaders)
    public static final String ORG_HEADER = "X-Erp-Org-Id";
    public static final String TIMESTAMP_HEADER = "X-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Signature";
    public static final String ALGORITHM = "HMAC-SHA256";
    public static final String SIGNATURE_PREFIX = "sha256=";
    static final String DERIVATION_PREFIX = "erp-webhook:";

    private ErpWebhookSecret() {
    }

    /** The org's secret (64 hex characters) under {@code master}. */
    public static String derive(String master, String orgId) {
        return hex(hmac(master.getBytes(StandardCharsets.UTF_8), (DERIVATION_PREFIX + orgId).getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@value #SIGNATURE_HEADER} value for a body sent at {@code timestamp} (Unix seconds, as sent). */
    public static String signature(String orgSecret, String timestamp, byte[] rawBody) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + rawBody.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(rawBody, 0, signed, prefix.length, rawBody.length);
        return SIGNATURE_PREFIX + hex(hmac(orgSecret.getBytes(StandardCharsets.UTF_8), signed));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
