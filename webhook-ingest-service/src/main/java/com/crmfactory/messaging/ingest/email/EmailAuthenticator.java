package com.crmfactory.messaging.ingest.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import com.crmfactory.messaging.events.common.TenantSettings;
import com.crmfactory.messaging.ingest.webhook.WebhookRejectedException;

/**
 * Whether an e-mail post really comes from the org's SendGrid Inbound Parse setting:
 * <ul>
 * <li>the org configured a signed-webhook public key: SendGrid's ECDSA signature (SHA256withECDSA over the
 * timestamp followed by the raw body, base64 in {@value #SIGNATURE_HEADER}, timestamp in
 * {@value #TIMESTAMP_HEADER}) must verify against it. These header names are SendGrid's Event Webhook's; for
 * Inbound Parse they are unconfirmed (see the README);</li>
 * <li>otherwise the token in the URL path must be the org's: its SHA-256 is compared, in constant time, with
 * the hash the gateway published (the token itself never leaves the gateway's answer to the admin).</li>
 * </ul>
 */
final class EmailAuthenticator {

    static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
    static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

    private EmailAuthenticator() {
    }

    /** @throws WebhookRejectedException 403 naming the token or the signature header */
    static void authenticate(TenantSettings settings, String pathToken, String signature, String timestamp, byte[] body) {
        String publicKey = settings.emailSignaturePublicKey();
        if (publicKey != null && !publicKey.isBlank()) {
            if (!signatureValid(publicKey, signature, timestamp, body)) {
                throw WebhookRejectedException.forbidden(SIGNATURE_HEADER,
                        SIGNATURE_HEADER + " is missing or does not verify with the org's SendGrid public key.");
            }
            return;
        }
        String expected = settings.emailInboundTokenSha256();
        if (pathToken == null || expected == null || expected.isBlank()
                || !MessageDigest.isEqual(sha256Hex(pathToken).getBytes(StandardCharsets.US_ASCII),
                        expected.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw WebhookRejectedException.forbidden("token", "The e-mail webhook token is missing or wrong.");
        }
    }

    static boolean signatureValid(String publicKeyBase64, String signature, String timestamp, byte[] body) {
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            return false;
        }
        try {
            PublicKey key = KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64.trim())));
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(body);
            return verifier.verify(Base64.getDecoder().decode(signature.trim()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
