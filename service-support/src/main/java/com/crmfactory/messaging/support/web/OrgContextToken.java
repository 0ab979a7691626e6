package com.crmfactory.messaging.support.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The org context the gateway hands to a service:
 * {@code v2.<keyId>.<audience>.<orgId>.<expiresAtEpochSecond>.<signature>}, HMAC-SHA256 over a secret
 * shared by the gateway and the services.
 * <ul>
 * <li>A request that reaches a service without going through the gateway cannot forge it, and a captured
 * token expires within seconds.</li>
 * <li>The audience is the service the gateway routed the request to ({@code spring.application.name}): a
 * token captured at one service is refused by every other.</li>
 * <li>The key id names the secret that signed it, so that two secrets can be accepted at once while the
 * secret is rotated (the signing secret plus {@code platform.org-context.additional-secrets}). It is
 * derived from the secret by a one-way hash and reveals nothing about it.</li>
 * <li>A request made by a signed-in agent (the web inbox) carries the agent too:
 * {@code v3.<keyId>.<audience>.<orgId>.<agentId>.<expiresAtEpochSecond>.<signature>}. v2 tokens (API keys)
 * stay valid; {@link #verifyClaims} tells the two apart.</li>
 * </ul>
 */
public final class OrgContextToken {

    private static final String VERSION = "v2";
    private static final String AGENT_VERSION = "v3";
    private static final int MIN_SECRET_LENGTH = 16;
    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern AUDIENCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final String ownAudience;
    private final Key signingKey;
    private final Map<String, Key> acceptedKeys = new LinkedHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param ownAudience the name of the service holding this instance: the audience it accepts
     * @param signingSecret the secret that signs (and is accepted)
     * @param additionalSecrets secrets that are accepted too, never used to sign (rotation)
     */
    public OrgContextToken(String ownAudience, String signingSecret, List<String> additionalSecrets, Duration ttl, Clock clock) {
        if (ownAudience == null || !AUDIENCE.matcher(ownAudience).matches()) {
            throw new IllegalArgumentException("malformed audience '" + ownAudience + "'");
        }
        this.ownAudience = ownAudience;
        this.signingKey = new Key(signingSecret);
        acceptedKeys.put(signingKey.id, signingKey);
        for (String secret : additionalSecrets == null ? List.<String>of() : additionalSecrets) {
            // an empty PLATFORM_ORG_CONTEXT_ADDITIONAL_SECRETS (no rotation under way) binds to blank entries
            if (secret != null && !secret.isBlank()) {
                Key key = new Key(secret);
                acceptedKeys.putIfAbsent(key.id, key);
            }
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Whether an org id has the shape every org id has (letters, digits, '-' and '_'). */
    public static boolean isValidOrgId(String orgId) {
        return orgId != null && ORG_ID.matcher(orgId).matches();
    }

    /** A token for {@code orgId} that only the service named {@code audience} accepts. */
    public String sign(String orgId, String audience) {
        if (!isValidOrgId(orgId)) {
            throw new IllegalArgumentException("malformed org id");
        }
        if (audience == null || !AUDIENCE.matcher(audience).matches()) {
            throw new IllegalArgumentException("malformed audience");
        }
        String payload = String.join(".", VERSION, signingKey.id, audience, orgId,
                String.valueOf(clock.instant().plus(ttl).getEpochSecond()));
        return payload + "." + signingKey.sign(payload);
    }

    /** A token for {@code orgId} acting through the signed-in agent {@code agentId}, for {@code audience} only. */
    public String signForAgent(String orgId, String agentId, String audience) {
        if (!isValidOrgId(orgId)) {
            throw new IllegalArgumentException("malformed org id");
        }
        if (!isValidOrgId(agentId)) {
            throw new IllegalArgumentException("malformed agent id");
        }
        if (audience == null || !AUDIENCE.matcher(audience).matches()) {
            throw new IllegalArgumentException("malformed audience");
        }
        String payload = String.join(".", AGENT_VERSION, signingKey.id, audience, orgId, agentId,
                String.valueOf(clock.instant().plus(ttl).getEpochSecond()));
        return payload + "." + signingKey.sign(payload);
    }

    /** The org id of a valid, unexpired token addressed to this service; empty otherwise. */
    public Optional<String> verify(String token) {
        return verifyFor(ownAudience, token);
    }

    /** The org id of a valid, unexpired token addressed to {@code audience}; empty otherwise. */
    public Optional<String> verifyFor(String audience, String token) {
        return verifyClaims(audience, token).map(Claims::orgId);
    }

    /** The org (and agent, for a v3 token) of a valid, unexpired token addressed to this service. */
    public Optional<Claims> verifyClaims(String token) {
        return verifyClaims(ownAudience, token);
    }

    /** The org (and agent, for a v3 token) of a valid, unexpired token addressed to {@code audience}. */
    public Optional<Claims> verifyClaims(String audience, String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        boolean v2 = parts.length == 6 && parts[0].equals(VERSION);
        boolean v3 = parts.length == 7 && parts[0].equals(AGENT_VERSION) && isValidOrgId(parts[4]);
        if (!(v2 || v3) || !parts[2].equals(audience) || !isValidOrgId(parts[3])) {
            return Optional.empty();
        }
        Key key = acceptedKeys.get(parts[1]);
        if (key == null) {
            return Optional.empty();
        }
        String payload = token.substring(0, token.lastIndexOf('.'));
        if (!MessageDigest.isEqual(key.sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[parts.length - 1].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(parts[parts.length - 2]) < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new Claims(parts[3], v3 ? Optional.of(parts[4]) : Optional.empty()));
    }

    /**
     * What a token says.
     *
     * @param orgId   the org the request acts for
     * @param agentId the signed-in agent who made it; empty for an API key (v2)
     */
    public record Claims(String orgId, Optional<String> agentId) {
    }

    /** The id of the secret that signs, as it appears in tokens (for operators checking a rotation). */
    public String signingKeyId() {
        return signingKey.id;
    }

    private static final class Key {
        private final byte[] secret;
        private final String id;

        Key(String secret) {
            if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("an org-context secret must have at least " + MIN_SECRET_LENGTH + " characters");
            }
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
            this.id = keyId(this.secret);
        }

        String sign(String payload) {
            return BASE64.encodeToString(hmac(secret, payload.getBytes(StandardCharsets.UTF_8)));
        }

        private static String keyId(byte[] secret) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
                return BASE64.encodeToString(digest).substring(0, 8).replace('-', 'A').replace('_', 'B');
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 unavailable", e);
            }
        }
    }

    private static byte[] hmac(byte[] secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
