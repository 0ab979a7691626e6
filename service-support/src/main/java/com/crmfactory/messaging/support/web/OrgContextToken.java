package com.crmfactory.messaging.support.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The org context the gateway hands to services: {@code v1.<orgId>.<expiresAtEpochSecond>.<signature>},
 * signed with HMAC-SHA256 over a secret shared by the gateway and the services. A request that reaches a
 * service without going through the gateway cannot forge it, and a captured token expires within seconds.
 */
public final class OrgContextToken {

    private static final String VERSION = "v1";
    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;

    public OrgContextToken(String secret, Duration ttl, Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("platform.org-context.secret must have at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Whether an org id has the shape every org id has (letters, digits, '-' and '_'). */
    public static boolean isValidOrgId(String orgId) {
        return orgId != null && ORG_ID.matcher(orgId).matches();
    }

    public String sign(String orgId) {
        if (!isValidOrgId(orgId)) {
            throw new IllegalArgumentException("malformed org id");
        }
        String payload = VERSION + "." + orgId + "." + clock.instant().plus(ttl).getEpochSecond();
        return payload + "." + signature(payload);
    }

    /** The org id of a valid, unexpired token; empty otherwise. */
    public Optional<String> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION) || !isValidOrgId(parts[1])) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(signature(payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Long.parseLong(parts[2]) >= clock.instant().getEpochSecond() ? Optional.of(parts[1]) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String signature(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
