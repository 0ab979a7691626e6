package com.crmfactory.messaging.devstack.twilio;

import static com.crmfactory.messaging.devstack.twilio.SimHttp.error;
import static com.crmfactory.messaging.devstack.twilio.SimHttp.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpExchange;

/**
 * The simulator's own API (not Twilio's): play the customer and steer the simulator.
 * <ul>
 * <li>{@code POST /sim/customer/send} {@code {channel, phone, to?, body?, mediaUrl?, buttonId?, buttonText?, listId?, listTitle?}}:
 * a signed inbound webhook to the ingest (through the gateway URL), like Twilio's</li>
 * <li>{@code GET /sim/customer/inbox?phone=}: what reached that phone (a Content send with its rendered
 * {@code content}: type, body, buttons or list items, variables filled in)</li>
 * <li>{@code POST|GET|DELETE /sim/rules}, {@code POST /sim/settings {outOfOrder}}, {@code GET /sim/messages},
 * {@code GET /sim/stats}, {@code POST /sim/reset}</li>
 * </ul>
 */
final class CustomerApi {

    static final String INBOUND_PATH = "/api/v1/webhooks/telephony/sms";
    private static final String DEFAULT_SMS = "+15005550006";
    private static final String DEFAULT_WHATSAPP = "+14155238886";

    private final TwilioSimulator sim;
    private final String ingestBaseUrl;

    CustomerApi(TwilioSimulator sim, String ingestBaseUrl) {
        this.sim = sim;
        this.ingestBaseUrl = ingestBaseUrl.replaceAll("/+$", "");
    }

    @SuppressWarnings("unchecked")
    void handle(HttpExchange ex, String path, String method) throws IOException {
        switch (method + " " + path) {
            case "GET /" -> page(ex);
            case "POST /sim/customer/send" -> send(ex, SimHttp.JSON.readValue(SimHttp.body(ex), Map.class));
            case "POST /sim/customer/call" -> call(ex, SimHttp.JSON.readValue(SimHttp.body(ex), Map.class));
            case "POST /sim/customer/email" -> email(ex, SimHttp.JSON.readValue(SimHttp.body(ex), Map.class));
            case "GET /sim/customer/inbox" -> inbox(ex, SimHttp.first(SimHttp.form(ex.getRequestURI().getRawQuery()), "phone"));
            case "POST /sim/rules" -> {
                Map<String, Object> rule = SimHttp.JSON.readValue(SimHttp.body(ex), Map.class);
                sim.rules.add((String) rule.get("to"), FailureRules.Kind.parse(String.valueOf(rule.get("kind"))),
                        number(rule.get("count"), 0), number(rule.get("delayMs"), 3000));
                json(ex, 201, Map.of("rules", sim.rules.all().size()));
            }
            case "GET /sim/rules" -> json(ex, 200, sim.rules.all().stream()
                    .map(r -> Map.of("to", r.to(), "kind", r.kind().name().toLowerCase(), "count", r.count(), "used", r.used().get()))
                    .toList());
            case "DELETE /sim/rules" -> {
                sim.rules.clear();
                SimHttp.send(ex, 204, "application/json", "");
            }
            case "POST /sim/settings" -> {
                Map<String, Object> settings = SimHttp.JSON.readValue(SimHttp.body(ex), Map.class);
                sim.callbacks.outOfOrder = Boolean.TRUE.equals(settings.get("outOfOrder"));
                json(ex, 200, Map.of("outOfOrder", sim.callbacks.outOfOrder));
            }
            case "GET /sim/messages" -> json(ex, 200, messagesAfter(ex).stream().map(this::view).toList());
            case "GET /sim/stats" -> json(ex, 200, Map.of("posts", sim.posts.get(), "messages", sim.messages.size()));
            case "POST /sim/reset" -> {
                sim.messages.clear();
                sim.bySid.clear();
                sim.rules.clear();
                sim.posts.set(0);
                SimHttp.send(ex, 204, "application/json", "");
            }
            default -> error(ex, 404, 20404, "The requested resource " + path + " was not found");
        }
    }

    private void send(HttpExchange ex, Map<String, Object> req) throws IOException {
        boolean whatsapp = "whatsapp".equals(req.get("channel"));
        String phone = (String) req.get("phone");
        if (phone == null || phone.isBlank()) {
            error(ex, 400, 21604, "phone is required");
            return;
        }
        String prefix = whatsapp ? "whatsapp:" : "";
        String to = req.get("to") instanceof String t && !t.isBlank() ? t : (whatsapp ? DEFAULT_WHATSAPP : DEFAULT_SMS);
        String media = (String) req.get("mediaUrl");
        String sid = (media == null || media.isBlank() ? "SM" : "MM") + hex();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", sid);
        p.put("SmsSid", sid);
        p.put("SmsMessageSid", sid);
        p.put("AccountSid", sim.accountSid);
        p.put("From", prefix + phone.replace("whatsapp:", ""));
        p.put("To", prefix + to.replace("whatsapp:", ""));
        String body = (String) req.getOrDefault("body", "");
        if (req.get("buttonId") != null) {
            p.put("ButtonPayload", (String) req.get("buttonId"));
            p.put("ButtonText", (String) req.getOrDefault("buttonText", body));
            p.put("MessageType", "interactive");
            body = (String) req.getOrDefault("buttonText", body);
        } else if (req.get("listId") != null) {
            p.put("ListId", (String) req.get("listId"));
            p.put("ListTitle", (String) req.getOrDefault("listTitle", body));
            p.put("MessageType", "interactive");
            body = (String) req.getOrDefault("listTitle", body);
        }
        p.put("Body", body == null ? "" : body);
        p.put("NumMedia", media == null || media.isBlank() ? "0" : "1");
        if (media != null && !media.isBlank()) {
            p.put("MediaUrl0", media);
            p.put("MediaContentType0", "image/jpeg");
        }
        p.put("NumSegments", "1");
        p.put("SmsStatus", "received");
        p.put("ApiVersion", "2010-04-01");
        if (whatsapp) {
            p.put("WaId", phone.replace("whatsapp:", "").replace("+", ""));
            p.put("ProfileName", (String) req.getOrDefault("profileName", "Simulated Customer"));
            p.putIfAbsent("MessageType", media == null || media.isBlank() ? "text" : "image");
        }
        int status = sim.callbacks.post(ingestBaseUrl + INBOUND_PATH, p);
        json(ex, status >= 200 && status < 300 ? 200 : 502, Map.of("messageSid", sid, "ingestStatus", status));
    }

    /** {@code {phone, to?, transcript, recordingSeconds}}: a call through the real voice webhook sequence ({@link VoiceCalls}). */
    private void call(HttpExchange ex, Map<String, Object> req) throws IOException {
        String phone = req.get("phone") instanceof String p ? p.replace("whatsapp:", "").strip() : null;
        if (phone == null || phone.isBlank()) {
            error(ex, 400, 21604, "phone is required");
            return;
        }
        String to = req.get("to") instanceof String t && !t.isBlank() ? t.strip() : DEFAULT_SMS;
        String transcript = req.get("transcript") instanceof String t ? t : "";
        int seconds = number(req.get("recordingSeconds"), transcript.isBlank() ? 0 : 10);
        VoiceCalls.Call call = sim.voice.call(phone, to, transcript, seconds);
        json(ex, call.ok() ? 200 : 502, call.view());
    }

    /** {@code {from, to?, subject, text, token?, inReplyTo?}}: an Inbound Parse post ({@link InboundEmails}). */
    private void email(HttpExchange ex, Map<String, Object> req) throws IOException {
        String from = req.get("from") instanceof String f ? f.strip() : null;
        if (from == null || from.isBlank() || !from.contains("@")) {
            error(ex, 400, 21604, "from (an e-mail address) is required");
            return;
        }
        InboundEmails.Sent sent = sim.emails.send(from, (String) req.get("to"), (String) req.get("subject"),
                (String) req.get("text"), (String) req.get("token"), (String) req.get("inReplyTo"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("messageId", sent.messageId());
        view.put("ingestStatus", sent.status());
        if (sent.status() < 200 || sent.status() >= 300) {
            view.put("ingestAnswer", sent.body());
        }
        json(ex, sent.status() >= 200 && sent.status() < 300 ? 200 : 502, view);
    }

    /** {@code ?after=N}: the messages after the first N, so that a load run can poll a long list cheaply. */
    private List<SimMessage> messagesAfter(HttpExchange ex) {
        String after = SimHttp.first(SimHttp.form(ex.getRequestURI().getRawQuery()), "after");
        int requested = after == null || !after.matches("\\d{1,9}") ? 0 : Integer.parseInt(after);
        synchronized (sim.messages) { // only the new ones are copied
            int size = sim.messages.size();
            return new ArrayList<>(sim.messages.subList(Math.min(requested, size), size));
        }
    }

    private void inbox(HttpExchange ex, String phone) throws IOException {
        List<Map<String, Object>> got = new ArrayList<>();
        if (phone != null) {
            String bare = phone.replace("whatsapp:", "");
            for (SimMessage m : List.copyOf(sim.messages)) {
                if (m.to().replace("whatsapp:", "").equals(bare)) {
                    got.add(view(m));
                }
            }
        }
        json(ex, 200, got);
    }

    private Map<String, Object> view(SimMessage m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sid", m.sid());
        v.put("from", m.from());
        v.put("to", m.to());
        v.put("body", m.body());
        v.put("mediaUrls", m.mediaUrls());
        v.put("contentSid", m.contentSid());
        v.put("contentVariables", m.contentVariables());
        if (m.content() != null) {
            v.put("content", m.content()); // the buttons / list items as the phone shows them, variables filled in
        }
        v.put("status", m.status()[0]);
        v.put("errorCode", m.errorCode()[0]);
        v.put("createdAtMillis", m.created().toInstant().toEpochMilli());
        return v;
    }

    private void page(HttpExchange ex) throws IOException {
        try (InputStream in = CustomerApi.class.getResourceAsStream("/twilio-simulator/index.html")) {
            SimHttp.send(ex, 200, "text/html; charset=utf-8", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static int number(Object value, int fallback) {
        return value instanceof Number n ? n.intValue() : fallback;
    }

    private static String hex() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
