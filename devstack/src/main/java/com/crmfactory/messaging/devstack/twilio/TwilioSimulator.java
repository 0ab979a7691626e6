package com.crmfactory.messaging.devstack.twilio;

import static com.crmfactory.messaging.devstack.twilio.SimHttp.error;
import static com.crmfactory.messaging.devstack.twilio.SimHttp.first;
import static com.crmfactory.messaging.devstack.twilio.SimHttp.json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crmfactory.messaging.devstack.LocalHttpServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The devstack's Twilio: the Messages API (create, list, fetch, media), the Content API (create, list,
 * fetch, delete, WhatsApp approval requests) with Basic auth and Twilio's JSON and error shapes, signed
 * status callbacks, switchable failures ({@code /sim/rules}) and a simulated customer ({@link CustomerApi},
 * web page at {@code /}). The product reaches it only through the Twilio SDK's redirected HTTP client.
 */
public final class TwilioSimulator implements AutoCloseable {

    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern MESSAGE = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages/([^/]+)\\.json");
    private static final Pattern MEDIA = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages/([^/]+)/Media/([^/.]+)(\\.json)?");
    private static final Pattern RECORDING = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Recordings/(RE[0-9a-f]+)(\\.wav)?");

    final String accountSid;
    final String authToken;
    final FailureRules rules = new FailureRules();
    final StatusCallbacks callbacks;
    /**
     * Every message created, in order. Synchronized, not copy-on-write: a load run creates tens of thousands, and a
     * copy of the whole array per create made each create slower than the last. Readers take a snapshot.
     */
    final List<SimMessage> messages = Collections.synchronizedList(new ArrayList<>());
    final Map<String, SimMessage> bySid = new ConcurrentHashMap<>();
    final AtomicLong posts = new AtomicLong();
    private final ContentApi content;
    private final CustomerApi customer;
    final VoiceCalls voice;
    final InboundEmails emails;
    private final HttpServer server;
    private final String publicUrl;

    public TwilioSimulator(int port, String accountSid, String authToken, String ingestBaseUrl, long callbackStepMs)
            throws IOException {
        this(port, accountSid, authToken, ingestBaseUrl, callbackStepMs, dataDir(System.getenv("SIMULATOR_DATA_DIR")));
    }

    /**
     * @param dataDir where the Content API's resources and approvals are kept across restarts ({@code contents.json}),
     *        or null to keep them in memory only
     */
    public TwilioSimulator(int port, String accountSid, String authToken, String ingestBaseUrl, long callbackStepMs,
            Path dataDir) throws IOException {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.callbacks = new StatusCallbacks(authToken, callbackStepMs);
        this.content = new ContentApi(accountSid, dataDir == null ? null : dataDir.resolve("contents.json"));
        this.customer = new CustomerApi(this, ingestBaseUrl);
        String ingest = ingestBaseUrl.replaceAll("/+$", "");
        this.voice = new VoiceCalls(this, ingest);
        this.emails = new InboundEmails(this, ingest);
        server = LocalHttpServer.start(port, 16, this::handle);
        String configured = System.getenv("SIMULATOR_PUBLIC_URL");
        this.publicUrl = configured == null || configured.isBlank() ? "http://localhost:" + port()
                : configured.strip().replaceAll("/+$", "");
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(arg(args, "--port", "8090"));
        String sid = env("PLATFORM_TWILIO_ACCOUNT_SID", "AC00000000000000000000000000000001");
        String token = env("PLATFORM_TWILIO_AUTH_TOKEN", "0123456789abcdef0123456789abcdef");
        String ingest = env("SIMULATOR_INGEST_URL", "http://localhost:8080");
        TwilioSimulator sim = new TwilioSimulator(port, sid, token, ingest, Long.parseLong(env("SIMULATOR_CALLBACK_STEP_MS", "300")));
        List<String> approved = sim.approveTemplateSids(System.getenv());
        System.out.println("Twilio simulator on http://localhost:" + sim.port() + " (customer page at /), webhooks to " + ingest
                + (approved.isEmpty() ? "" : "; approved TWILIO_TPL_* contents " + approved));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }));
        stop.await();
    }

    /**
     * Registers the Content SIDs of {@code TWILIO_TPL_<KEY>} variables (the built-in templates' overrides, e.g.
     * {@code TWILIO_TPL_WELCOME_MENU=HX…}) as existing, WhatsApp-approved contents, so the template service's
     * approval sync and sends with those SIDs find them. Returns the SIDs registered.
     */
    public List<String> approveTemplateSids(Map<String, String> environment) {
        List<String> sids = new ArrayList<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("TWILIO_TPL_") && value != null && value.strip().startsWith("HX")) {
                content.approve(value.strip());
                sids.add(value.strip());
            }
        });
        return sids;
    }

    /**
     * The inbound e-mail token of the org the simulated customer writes to (else {@code SIM_EMAIL_INBOUND_TOKEN} /
     * {@code SIM_EMAIL_INBOUND_TOKEN_FILE}), and the address it writes to (null keeps {@code SIM_EMAIL_TO} or the default).
     */
    public void emailInbound(String token, String toAddress) {
        emails.token = () -> token;
        if (toAddress != null) {
            emails.defaultTo = toAddress;
        }
    }

    /** Where the product reaches this simulator (recording URLs): {@code SIMULATOR_PUBLIC_URL}, else localhost. */
    String publicUrl() {
        return publicUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        callbacks.close();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals("/health")) {
                json(ex, 200, Map.of("status", "UP"));
            } else if (path.equals("/") || path.startsWith("/sim/")) {
                customer.handle(ex, path, method);
            } else if (!SimHttp.authorized(ex, accountSid, authToken)) {
                error(ex, 401, 20003, "Authenticate");
            } else if (path.startsWith("/v1/Content")) {
                content.handle(ex, path, method);
            } else {
                messagesApi(ex, path, method);
            }
        } catch (RuntimeException e) {
            error(ex, 500, 20500, "Internal Server Error: " + e.getMessage());
        }
    }

    private void messagesApi(HttpExchange ex, String path, String method) throws IOException {
        Matcher list = MESSAGES.matcher(path);
        Matcher one = MESSAGE.matcher(path);
        Matcher media = MEDIA.matcher(path);
        if (list.matches() && !list.group(1).equals(accountSid) || one.matches() && !one.group(1).equals(accountSid)) {
            error(ex, 404, 20404, "The requested resource " + path + " was not found");
        } else if (list.matches() && method.equals("POST")) {
            create(ex, SimHttp.form(SimHttp.body(ex)));
        } else if (list.matches() && method.equals("GET")) {
            list(ex, SimHttp.form(ex.getRequestURI().getRawQuery()), path);
        } else if (one.matches() && method.equals("GET") && bySid.containsKey(one.group(2))) {
            json(ex, 200, bySid.get(one.group(2)).json());
        } else if (media.matches() && method.equals("GET")) {
            SimHttp.send(ex, 200, "image/png", "");
        } else if (method.equals("GET") && RECORDING.matcher(path).matches()) {
            byte[] wav = VoiceCalls.silentWav(1);
            ex.getResponseHeaders().set("Content-Type", "audio/x-wav");
            ex.sendResponseHeaders(200, wav.length);
            ex.getResponseBody().write(wav);
        } else {
            error(ex, 404, 20404, "The requested resource " + path + " was not found");
        }
    }

    private void create(HttpExchange ex, Map<String, List<String>> p) throws IOException {
        posts.incrementAndGet();
        String to = first(p, "To");
        String from = first(p, "From");
        String body = first(p, "Body");
        List<String> mediaUrls = p.getOrDefault("MediaUrl", List.of());
        String contentSid = first(p, "ContentSid");
        FailureRules.Rule slow = rules.take(to, FailureRules.Kind.SLOW);
        if (slow != null) {
            sleep(slow.delayMs());
        }
        if (to == null || to.isBlank()) {
            error(ex, 400, 21604, "A 'To' phone number is required.");
            return;
        }
        if (from == null && first(p, "MessagingServiceSid") == null) {
            error(ex, 400, 21603, "A 'From' phone number is required.");
            return;
        }
        if ((body == null || body.isEmpty()) && mediaUrls.isEmpty() && contentSid == null) {
            error(ex, 400, 21619, "A text message body or media urls must be specified.");
            return;
        }
        if (first(p, "ContentVariables") != null && contentSid == null) {
            error(ex, 400, 21654, "ContentSid Required");
            return;
        }
        FailureRules.Rule rule = rules.take(to, FailureRules.Kind.TOO_MANY_REQUESTS, FailureRules.Kind.SERVER_ERROR,
                FailureRules.Kind.SERVER_ERROR_AFTER_CREATE, FailureRules.Kind.OPTED_OUT);
        if (rule != null && rule.kind() == FailureRules.Kind.TOO_MANY_REQUESTS) {
            ex.getResponseHeaders().set("Retry-After", "1");
            error(ex, 429, 20429, "Too Many Requests");
            return;
        }
        if (rule != null && rule.kind() == FailureRules.Kind.SERVER_ERROR) {
            error(ex, 503, 20503, "Service Unavailable");
            return;
        }
        if (rule != null && rule.kind() == FailureRules.Kind.OPTED_OUT) {
            error(ex, 400, 21610, "Attempt to send to unsubscribed recipient");
            return;
        }
        String sid = (mediaUrls.isEmpty() ? "SM" : "MM") + HexFormat.of().formatHex(randomBytes());
        Map<String, Object> shown = ContentRender.render(content.content(contentSid), first(p, "ContentVariables"),
                to.startsWith("whatsapp:"));
        if (shown != null && (body == null || body.isEmpty())) {
            body = (String) shown.get("body"); // Twilio's Message resource carries the content's rendered text
        }
        SimMessage m = SimMessage.outbound(sid, accountSid, from, to, body, mediaUrls, contentSid,
                first(p, "ContentVariables"), shown, first(p, "StatusCallback"));
        messages.add(m);
        bySid.put(sid, m);
        FailureRules.Rule outcome = rules.take(to, FailureRules.Kind.UNDELIVERED, FailureRules.Kind.WINDOW);
        if (outcome == null) {
            callbacks.plan(m, "delivered", null);
        } else if (outcome.kind() == FailureRules.Kind.UNDELIVERED) {
            callbacks.plan(m, "undelivered", 30003);
        } else {
            callbacks.plan(m, "failed", 63016);
        }
        if (rule != null && rule.kind() == FailureRules.Kind.SERVER_ERROR_AFTER_CREATE) {
            error(ex, 503, 20503, "Service Unavailable");
            return;
        }
        json(ex, 201, m.json());
    }

    private void list(HttpExchange ex, Map<String, List<String>> q, String path) throws IOException {
        String to = first(q, "To");
        String from = first(q, "From");
        int pageSize = q.containsKey("PageSize") ? Integer.parseInt(first(q, "PageSize")) : 50;
        List<Map<String, Object>> page = new ArrayList<>();
        List<SimMessage> all = List.copyOf(messages);
        for (int i = all.size() - 1; i >= 0 && page.size() < pageSize; i--) {
            SimMessage m = all.get(i);
            if ((to == null || to.equals(m.to())) && (from == null || from.equals(m.from()))) {
                page.add(m.json());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("end", Math.max(0, page.size() - 1));
        body.put("first_page_uri", path + "?PageSize=" + pageSize + "&Page=0");
        body.put("next_page_uri", null);
        body.put("page", 0);
        body.put("page_size", pageSize);
        body.put("previous_page_uri", null);
        body.put("start", 0);
        body.put("uri", path + "?PageSize=" + pageSize + "&Page=0");
        body.put("messages", page);
        json(ex, 200, body);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static Path dataDir(String configured) {
        return configured == null || configured.isBlank() ? null : Path.of(configured.strip());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
