package com.crmfactory.messaging.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Twilio webhook fixtures ({@code classpath:twilio/fixtures/}, copied verbatim from the shared
 * Twilio reference): each {@code .txt} is the exact form body Twilio posts, and {@code SIGNATURES.md}
 * names the URL it was posted to and its valid {@code X-Twilio-Signature} under {@link #AUTH_TOKEN}.
 *
 * <p>{@link #sign} computes a signature the way Twilio does, so a test can post a fixture to any URL
 * (the service's own path, a proxy URL) or a deliberately altered copy of it.
 */
public final class TwilioFixtures {

    /** The fake auth token every fixture in SIGNATURES.md is signed with (not a real credential). */
    public static final String AUTH_TOKEN = "f00dfacef00dfacef00dfacef00dface";
    /** The business number the inbound fixtures are sent to (and the status fixtures are sent from). */
    public static final String BUSINESS_NUMBER = "+15555550100";
    /** The customer in every fixture. */
    public static final String CUSTOMER_NUMBER = "+15555550123";
    public static final String ACCOUNT_SID = "AC9af211329b2fc82e5efe906062c73008";
    public static final String MESSAGING_SERVICE_SID = "MGc8bffbe4a6f4d7eec602a85352babca6";

    private static final String DIRECTORY = "twilio/fixtures/";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*([\\w.-]+\\.txt)\\s*\\|\\s*(\\S+)\\s*\\|\\s*`([^`]+)`\\s*\\|\\s*$",
            Pattern.MULTILINE);
    private static final Map<String, Signed> SIGNED = readSignatures();

    private TwilioFixtures() {
    }

    /** A fixture with the URL Twilio posted it to and the signature it carried. */
    public record Signed(String name, String url, String signature) {
    }

    /** Every form fixture, in the order of SIGNATURES.md. */
    public static List<String> all() {
        return List.copyOf(SIGNED.keySet());
    }

    /** The inbound message fixtures (SMS, MMS, WhatsApp). */
    public static List<String> inbound() {
        return all().stream().filter(name -> !name.startsWith("status-")).toList();
    }

    /** The status callback fixtures. */
    public static List<String> statusCallbacks() {
        return all().stream().filter(name -> name.startsWith("status-")).toList();
    }

    /** The exact request body, as Twilio sent it (form-encoded, no trailing newline). */
    public static String body(String name) {
        try (InputStream in = TwilioFixtures.class.getClassLoader().getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no Twilio fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's parameters, decoded, in the order Twilio sent them. */
    public static Map<String, String> params(String name) {
        return decode(body(name));
    }

    public static Signed signed(String name) {
        Signed signed = SIGNED.get(name);
        if (signed == null) {
            throw new IllegalArgumentException("no signature recorded for " + name);
        }
        return signed;
    }

    /** Decodes a form body ({@code +} is a space, UTF-8 percent escapes), keeping the order. */
    public static Map<String, String> decode(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        if (form.isEmpty()) {
            return params;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    /** Encodes parameters as Twilio does ({@code application/x-www-form-urlencoded}, UTF-8). */
    public static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * Twilio's {@code X-Twilio-Signature}: Base64(HMAC-SHA1(token, url + every parameter name and value,
     * sorted by name)). Independent of the Twilio SDK on purpose, so tests check the service against a
     * second implementation.
     */
    public static String sign(String token, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((key, value) -> data.append(key).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Signed> readSignatures() {
        Matcher row = ROW.matcher(body("SIGNATURES.md"));
        Map<String, Signed> signed = new LinkedHashMap<>();
        while (row.find()) {
            signed.put(row.group(1), new Signed(row.group(1), row.group(2), row.group(3)));
        }
        if (signed.isEmpty()) {
            throw new IllegalStateException("SIGNATURES.md lists no fixtures");
        }
        return signed;
    }
}
