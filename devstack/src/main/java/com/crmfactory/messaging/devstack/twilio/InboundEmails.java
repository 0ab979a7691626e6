package com.crmfactory.messaging.devstack.twilio;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The simulated customer's e-mail: a post shaped like SendGrid Inbound Parse's default (not raw) mode,
 * {@code multipart/form-data} with {@code from}, {@code to}, {@code subject}, {@code text}, {@code envelope}
 * (JSON), {@code headers} (the raw header block, with a {@code Message-ID}), {@code charsets} and
 * {@code SPF}, to {@code $SIMULATOR_INGEST_URL/api/v1/webhooks/email/inbound/<token>}. The org's token comes from
 * the request, else {@code SIM_EMAIL_INBOUND_TOKEN}, else the file {@code SIM_EMAIL_INBOUND_TOKEN_FILE} (read
 * at each send, so {@code ./omni} can write it after the gateway issued it).
 */
final class InboundEmails {

    static final String INBOUND_PATH = "/api/v1/webhooks/email/inbound/";
    static final String DEFAULT_TO = "support@omni-demo.example.com";

    private final TwilioSimulator sim;
    private final String ingestBaseUrl;
    volatile Supplier<String> token;
    volatile String defaultTo;

    InboundEmails(TwilioSimulator sim, String ingestBaseUrl) {
        this.sim = sim;
        this.ingestBaseUrl = ingestBaseUrl;
        this.token = InboundEmails::configuredToken;
        String to = System.getenv("SIM_EMAIL_TO");
        this.defaultTo = to == null || to.isBlank() ? DEFAULT_TO : to.strip();
    }

    record Sent(int status, String messageId, String body) {
    }

    /** Sends one e-mail; {@code status} -1 when the post could not be made, 0 when no token is known. */
    Sent send(String from, String to, String subject, String text, String tokenOverride, String inReplyTo) {
        String orgToken = tokenOverride != null && !tokenOverride.isBlank() ? tokenOverride.strip() : token.get();
        String recipient = to == null || to.isBlank() ? defaultTo : to.strip();
        String messageId = "<" + hex() + "@customer.example.net>";
        if (orgToken == null || orgToken.isBlank()) {
            return new Sent(0, messageId, "no inbound e-mail token: set SIM_EMAIL_INBOUND_TOKEN or pass token");
        }
        String sender = bareAddress(from);
        StringBuilder headers = new StringBuilder()
                .append("Received: by mx.sendgrid.net with SMTP id ").append(hex(), 0, 12).append("\n")
                .append("Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append("\n")
                .append("From: ").append(from).append("\n")
                .append("To: ").append(recipient).append("\n")
                .append("Subject: ").append(subject == null ? "" : subject).append("\n")
                .append("Message-ID: ").append(messageId).append("\n");
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            headers.append("In-Reply-To: ").append(inReplyTo).append("\n").append("References: ").append(inReplyTo).append("\n");
        }
        headers.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=\"UTF-8\"\n");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("headers", headers.toString());
        fields.put("dkim", "{@customer.example.net : pass}");
        fields.put("to", recipient);
        fields.put("from", from);
        fields.put("text", text == null ? "" : text);
        fields.put("sender_ip", "203.0.113.7");
        fields.put("envelope", "{\"to\":[" + SimHttp.JSON.writeValueAsString(recipient) + "],\"from\":"
                + SimHttp.JSON.writeValueAsString(sender) + "}");
        fields.put("attachments", "0");
        fields.put("subject", subject == null ? "" : subject);
        fields.put("charsets", "{\"to\":\"UTF-8\",\"html\":\"UTF-8\",\"subject\":\"UTF-8\",\"from\":\"UTF-8\",\"text\":\"UTF-8\"}");
        fields.put("SPF", "pass");
        String boundary = "xYzZY" + hex();
        HttpResponse<String> response = sim.callbacks.postRaw(
                ingestBaseUrl + INBOUND_PATH + URLEncoder.encode(orgToken, StandardCharsets.UTF_8),
                "multipart/form-data; boundary=" + boundary, multipart(boundary, fields));
        return response == null ? new Sent(-1, messageId, "the ingest could not be reached")
                : new Sent(response.statusCode(), messageId, response.body());
    }

    static byte[] multipart(String boundary, Map<String, String> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** {@code "Sam <sam@x.com>"} → {@code sam@x.com}. */
    static String bareAddress(String from) {
        int lt = from.indexOf('<');
        int gt = from.indexOf('>', lt + 1);
        return lt >= 0 && gt > lt ? from.substring(lt + 1, gt).strip() : from.strip();
    }

    private static String configuredToken() {
        String value = System.getenv("SIM_EMAIL_INBOUND_TOKEN");
        if (value != null && !value.isBlank()) {
            return value.strip();
        }
        String file = System.getenv("SIM_EMAIL_INBOUND_TOKEN_FILE");
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Path.of(file)).strip();
            } catch (Exception e) {
                return null;
            }
        }
        return null;
    }

    private static String hex() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
