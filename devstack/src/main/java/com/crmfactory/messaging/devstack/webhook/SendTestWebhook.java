package com.crmfactory.messaging.devstack.webhook;

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
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plays Twilio delivering a customer's message: builds the webhook form Twilio would send, signs it
 * with the auth token and posts it. {@code ./omni send --from +14155550100 --body "Where is my order?"}
 */
public final class SendTestWebhook {

    private SendTestWebhook() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "http://localhost:8080/api/v1/webhooks/telephony/sms");
        String token = require(options.getOrDefault("token", System.getenv("PLATFORM_TWILIO_AUTH_TOKEN")), "--token or PLATFORM_TWILIO_AUTH_TOKEN");
        Map<String, String> form = form(options);
        String signature = TwilioSignature.sign(token, url, form);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", signature)
                .header("User-Agent", "TwilioProxy/1.1 (omni devstack)")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("POST " + url + " (MessageSid " + form.get("MessageSid") + ") -> " + response.statusCode());
        if (!response.body().isBlank()) {
            System.out.println(response.body());
        }
        System.exit(response.statusCode() < 300 ? 0 : 1);
    }

    /** The parameters Twilio sends for an inbound SMS or WhatsApp text (docs/twilio.md#inbound-webhook). */
    public static Map<String, String> form(Map<String, String> options) {
        boolean whatsapp = "whatsapp".equals(options.getOrDefault("channel", "sms"));
        String from = options.getOrDefault("from", "+14155550100");
        String to = options.getOrDefault("to", System.getenv().getOrDefault(whatsapp ? "PLATFORM_TWILIO_WHATSAPP_NUMBER"
                : "PLATFORM_TWILIO_SMS_NUMBER", whatsapp ? "+14155238886" : "+15005550006"));
        String sid = "SM" + HexFormat.of().formatHex(random(16));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "US");
        form.put("SmsMessageSid", sid);
        form.put("NumMedia", "0");
        form.put("SmsSid", sid);
        form.put("SmsStatus", "received");
        form.put("Body", options.getOrDefault("body", "Hello, where is my order?"));
        form.put("To", whatsapp ? "whatsapp:" + strip(to) : to);
        form.put("NumSegments", "1");
        form.put("MessageSid", sid);
        form.put("AccountSid", System.getenv().getOrDefault("PLATFORM_TWILIO_ACCOUNT_SID", "AC00000000000000000000000000000001"));
        form.put("From", whatsapp ? "whatsapp:" + strip(from) : from);
        form.put("ApiVersion", "2010-04-01");
        if (whatsapp) {
            form.put("ProfileName", options.getOrDefault("name", "Test Customer"));
            form.put("WaId", strip(from).substring(1));
        }
        return form;
    }

    private static String strip(String address) {
        return address.startsWith("whatsapp:") ? address.substring("whatsapp:".length()) : address;
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --from +1... --body text [--channel sms|whatsapp] [--to +1...] [--url ...] [--token ...]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + what);
        }
        return value;
    }
}
