package com.crmfactory.messaging.gateway.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key material. A key is {@code omk_} and 256 random bits (base64url); only its SHA-256 is stored.
 * A plain hash is enough here, unlike for passwords: the input is high-entropy random, so there is
 * nothing to brute-force, and the lookup by hash stays a single index probe.
 */
public final class ApiKeySecrets {

    static final String KEY_PREFIX = "omk_";
    /** Characters of a key kept in clear to tell keys apart in listings ({@code omk_} + 8). */
    static final int DISPLAY_PREFIX_LENGTH = 12;
    /** Keys given from outside (the bootstrap key of the local stack) must be at least this long. */
    public static final int MIN_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    public static String generate() {
        return generate(KEY_PREFIX);
    }

    /** A random secret with the given prefix (the admin key uses its own). */
    public static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(DISPLAY_PREFIX_LENGTH, key.length() / 3));
    }

    /** Constant-time comparison of two secrets (compares their hashes, so lengths leak nothing either). */
    public static boolean sameSecret(String a, String b) {
        return MessageDigest.isEqual(hash(a).getBytes(StandardCharsets.US_ASCII), hash(b).getBytes(StandardCharsets.US_ASCII));
    }
}
