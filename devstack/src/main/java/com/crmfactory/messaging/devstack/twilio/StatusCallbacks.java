package com.crmfactory.messaging.devstack.twilio;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.crmfactory.messaging.devstack.webhook.TwilioSignature;

/**
 * Posts signed status callbacks like Twilio: sent, then delivered (or undelivered 30003 / failed 63016),
 * WhatsApp also read. The initial {@code queued} is not called back (docs/twilio.md#status-callbacks). With
 * out-of-order on, the callbacks of a message go out in reverse order.
 */
final class StatusCallbacks {

    private final String authToken;
    private final long stepMs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "sim-callbacks");
        t.setDaemon(true);
        return t;
    });
    volatile boolean outOfOrder;

    StatusCallbacks(String authToken, long stepMs) {
        this.authToken = authToken;
        this.stepMs = stepMs;
    }

    /** Plans the callbacks of an accepted message; {@code errorCode} null = it gets delivered. */
    void plan(SimMessage m, String finalStatus, Integer errorCode) {
        List<String> steps = new ArrayList<>();
        if ("failed".equals(finalStatus)) {
            steps.add("failed");
        } else {
            steps.add("sent");
            steps.add(finalStatus);
            if ("delivered".equals(finalStatus) && m.whatsapp()) {
                steps.add("read");
            }
        }
        if (outOfOrder) {
            Collections.reverse(steps);
        }
        chain(m, steps, 0, errorCode);
    }

    /** One step after the other (each posted after the previous answered), so the order is the planned one. */
    private void chain(SimMessage m, List<String> steps, int index, Integer errorCode) {
        if (index >= steps.size()) {
            return;
        }
        String status = steps.get(index);
        boolean terminal = status.equals("failed") || status.equals("undelivered");
        timer.schedule(() -> {
            fire(m, status, terminal ? errorCode : null);
            chain(m, steps, index + 1, errorCode);
        }, stepMs, TimeUnit.MILLISECONDS);
    }

    private void fire(SimMessage m, String status, Integer errorCode) {
        if (rank(status) > rank(m.status()[0]) || status.equals("failed") || status.equals("undelivered")) {
            m.status()[0] = status;
            if (errorCode != null) {
                m.errorCode()[0] = errorCode;
            }
        }
        if (m.statusCallback() == null) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (m.whatsapp()) {
            params.put("ChannelPrefix", "whatsapp");
            params.put("ChannelToAddress", m.to().substring("whatsapp:".length()));
            if (status.equals("read")) {
                params.put("EventType", "READ");
            }
        }
        params.put("SmsSid", m.sid());
        params.put("SmsStatus", status);
        params.put("MessageStatus", status);
        params.put("To", m.to());
        params.put("MessageSid", m.sid());
        params.put("AccountSid", m.accountSid());
        params.put("From", m.from());
        params.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            params.put("ErrorCode", String.valueOf(errorCode));
        }
        post(m.statusCallback(), params);
    }

    /** A signed form POST (also used for the customer's inbound messages). */
    int post(String url, Map<String, String> params) {
        HttpResponse<String> response = exchange(url, params);
        return response == null ? -1 : response.statusCode();
    }

    /**
     * A signed form POST whose answer is wanted (a call's TwiML); null when it could not be sent. The signature
     * covers the full URL, its query included, and every parameter, as Twilio signs.
     */
    HttpResponse<String> exchange(String url, Map<String, String> params) {
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("User-Agent", "TwilioProxy/1.1")
                    .header("X-Twilio-Signature", TwilioSignature.sign(authToken, url, params))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            System.err.println("twilio-simulator: POST " + url + " failed: " + e);
            return null;
        }
    }

    /** A POST of any body (the simulated customer's e-mail, multipart), unsigned; null when it could not be sent. */
    HttpResponse<String> postRaw(String url, String contentType, byte[] body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", contentType)
                    .header("User-Agent", "Sendlib/1.0")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            System.err.println("twilio-simulator: POST " + url + " failed: " + e);
            return null;
        }
    }

    static int rank(String status) {
        return switch (status) {
            case "queued" -> 1;
            case "sending" -> 2;
            case "sent" -> 3;
            case "delivered" -> 4;
            case "read" -> 5;
            default -> 6;
        };
    }

    void close() {
        timer.shutdownNow();
    }
}
