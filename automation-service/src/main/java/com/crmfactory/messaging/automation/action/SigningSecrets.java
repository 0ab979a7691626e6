package com.crmfactory.messaging.automation.action;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Service;

/**
 * The per-org key that signs http_request calls, generated on first use. Receivers verify
 * {@code X-Signature: sha256=<hex HMAC-SHA256 of "<X-Signature-Timestamp>.<body>">} with it and reject
 * old timestamps, so a captured call cannot be replayed later.
 */
@Service
public class SigningSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningSecretRepository repository;
    private final Clock clock;

    SigningSecrets(SigningSecretRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public String secretOf(String orgId) {
        return repository.find(orgId).orElseGet(() -> {
            repository.insertIfAbsent(orgId, generate(), clock.instant());
            return repository.find(orgId).orElseThrow();
        });
    }

    /** A new key; calls signed with the old one stop verifying at once. */
    public String rotate(String orgId) {
        String secret = generate();
        repository.replace(orgId, secret, clock.instant());
        return secret;
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
