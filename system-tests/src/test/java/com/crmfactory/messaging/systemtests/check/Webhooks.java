package com.crmfactory.messaging.systemtests.check;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.crmfactory.messaging.testsupport.TwilioFixtures;

/** Inbound SMS webhooks as Twilio posts them to the gateway: form-encoded and signed with the stack's auth token. */
public final class Webhooks {

    static final String SMS_PATH = "/api/v1/webhooks/telephony/sms";
    static final String STATUS_PATH = "/api/v1/webhooks/telephony/status";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** every customer number the suite made up: none may appear in a log ({@link PersonalDataScanScenario}) */
    static final java.util.Set<String> CUSTOMERS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Stack stack;

    public Webhooks(Stack stack) {
        this.stack = stack;
    }

    /** What one POST got: the status (-1 when no answer) and how long the answer took. */
    public record Posted(Map<String, String> params, int status, long millis, long sentAtMillis) {
        public boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        public String messageSid() {
            return params.get("MessageSid");
        }

        public String from() {
            return params.get("From");
        }
    }

    /** A fresh customer number, E.164 in the 555 range. */
    public static String customer() {
        String customer = "+1555" + String.format(Locale.ROOT, "%07d", RANDOM.nextInt(10_000_000));
        CUSTOMERS.add(customer);
        return customer;
    }

    public static String messageSid() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "SM" + HexFormat.of().formatHex(bytes);
    }

    /** The parameters of an inbound SMS from {@code from}, as Twilio sends them. */
    public Map<String, String> sms(String from, String body) {
        String sid = messageSid();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ToCountry", "US");
        p.put("SmsMessageSid", sid);
        p.put("NumMedia", "0");
        p.put("SmsSid", sid);
        p.put("SmsStatus", "received");
        p.put("Body", body);
        p.put("To", stack.businessNumber());
        p.put("NumSegments", "1");
        p.put("MessageSid", sid);
        p.put("AccountSid", stack.twilioAccountSid());
        p.put("From", from);
        p.put("ApiVersion", "2010-04-01");
        return p;
    }

    /** Posts the parameters to the gateway's path, correctly signed. */
    public Posted post(String path, Map<String, String> params) {
        String url = stack.gatewayUrl() + path;
        return post(url, params, TwilioFixtures.sign(stack.twilioAuthToken(), url, params));
    }

    /** Posts the parameters to a URL with the given signature (null: none). */
    public Posted post(String url, Map<String, String> params, String signature) {
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        long sentAt = System.currentTimeMillis();
        long start = System.nanoTime();
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            status = -1;
        }
        return new Posted(Map.copyOf(params), status, (System.nanoTime() - start) / 1_000_000, sentAt);
    }
}
