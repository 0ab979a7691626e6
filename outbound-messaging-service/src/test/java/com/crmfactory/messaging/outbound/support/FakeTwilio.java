package com.crmfactory.messaging.outbound.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process HTTP fake of Twilio's Messages API for the proof tests: records every POST, keeps the
 * messages it "accepted" for the list endpoint, and answers per recipient from a script
 * ({@link Answer}), e.g. a 429 first, or a 503 after having stored the message (a lost answer). A stored
 * message is fetched ({@code GET Messages/{Sid}.json}) with the status a test set ({@link #reports}), after
 * the failures a test scripted ({@link #failNextFetches}); a forgotten one answers 404.
 */
public final class FakeTwilio implements AutoCloseable {

    /** What to do with the next POST to a recipient. */
    public enum Answer { OK, TOO_MANY_REQUESTS, STORE_THEN_503, REJECT_21610 }

    /** One POST as received. */
    public record Post(Map<String, List<String>> params, long receivedAtNanos) {
        public String first(String name) {
            List<String> values = params.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    public record Stored(String sid, String to, String from, String body, ZonedDateTime created) {
    }

    /** The status a fetch shows: Twilio's {@code status}, {@code error_code} and {@code error_message}. */
    private record Shown(String status, Integer errorCode, String errorMessage) {
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final List<Stored> stored = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
    private final List<String> contents = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Runnable>> afterPost = new ConcurrentHashMap<>();
    private final Map<String, String> contentTexts = new ConcurrentHashMap<>();
    private final Map<String, Shown> shown = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> fetchFailures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    /** For a test class's static field: started, or the class fails to load with the cause. */
    public static FakeTwilio started() {
        try {
            return new FakeTwilio();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh US number, so that tests sharing the database and the fake never share a recipient. */
    public static String randomPhone() {
        return "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
    }

    public FakeTwilio() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public void script(String to, Answer... answers) {
        script.computeIfAbsent(to, t -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
    }

    /** Runs {@code action} once, after the next POST to {@code to} was stored and before it is answered. */
    public void afterNextPost(String to, Runnable action) {
        afterPost.computeIfAbsent(to, t -> new ConcurrentLinkedDeque<>()).add(action);
    }

    /** A message Twilio holds that none of our requests sent (e.g. sent from the console or another system). */
    public Stored storeUnrelated(String to, String from, String body) {
        Stored s = new Stored("SM" + UUID.randomUUID().toString().replace("-", ""), to, from, body,
                ZonedDateTime.now(ZoneOffset.UTC));
        stored.add(s);
        return s;
    }

    /**
     * A send of this ContentSid is stored with {@code text} (its {@code {{name}}} variables filled from
     * ContentVariables) as the Message's body; unknown ContentSids are stored without a body.
     */
    public void showsContentAs(String contentSid, String text) {
        contentTexts.put(contentSid, text);
    }

    /** From now on a fetch of {@code sid} shows this status (and error), as Twilio would once the carrier reported. */
    public void reports(String sid, String status, Integer errorCode, String errorMessage) {
        shown.put(sid, new Shown(status, errorCode, errorMessage));
    }

    /** The next {@code times} fetches of {@code sid} answer {@code httpStatus} (e.g. 503, 429) with Twilio's error body. */
    public void failNextFetches(String sid, int httpStatus, int times) {
        Deque<Integer> failures = fetchFailures.computeIfAbsent(sid, k -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            failures.add(httpStatus);
        }
    }

    /** Twilio no longer has the message: its fetch answers 404. */
    public void forget(String sid) {
        stored.removeIf(s -> s.sid().equals(sid));
    }

    /** How many times {@code sid} was fetched (whatever the answer). */
    public int fetchesOf(String sid) {
        AtomicInteger count = fetches.get(sid);
        return count == null ? 0 : count.get();
    }

    public List<Post> postsTo(String to) {
        return posts.stream().filter(p -> to.equals(p.first("To"))).toList();
    }

    public List<Stored> storedTo(String to) {
        return stored.stream().filter(s -> to.equals(s.to())).toList();
    }

    public List<String> contents() {
        return contents;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.endsWith("/Messages.json") && method.equals("POST")) {
                Map<String, List<String>> params = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                Post post = new Post(params, System.nanoTime());
                posts.add(post);
                Deque<Answer> answers = script.get(post.first("To"));
                Answer answer = answers == null || answers.isEmpty() ? Answer.OK : answers.poll();
                Deque<Runnable> hooks = afterPost.get(post.first("To"));
                Runnable hook = hooks == null ? null : hooks.poll();
                switch (answer) {
                    case TOO_MANY_REQUESTS -> {
                        ex.getResponseHeaders().add("Retry-After", "1");
                        json(ex, 429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"more_info\":\"https://www.twilio.com/docs/errors/20429\",\"status\":429}");
                    }
                    case REJECT_21610 -> json(ex, 400, "{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\",\"more_info\":\"https://www.twilio.com/docs/errors/21610\",\"status\":400}");
                    case STORE_THEN_503 -> {
                        store(post);
                        if (hook != null) {
                            hook.run();
                        }
                        json(ex, 503, "{\"code\":20503,\"message\":\"Service Unavailable\",\"status\":503}");
                    }
                    case OK -> {
                        Stored s = store(post);
                        if (hook != null) {
                            hook.run();
                        }
                        json(ex, 201, message(s));
                    }
                }
            } else if (path.matches("/2010-04-01/Accounts/[^/]+/Messages/[^/]+\\.json") && method.equals("GET")) {
                fetch(ex, path.substring(path.lastIndexOf('/') + 1, path.length() - ".json".length()));
            } else if (path.endsWith("/Messages.json") && method.equals("GET")) {
                Map<String, List<String>> q = form(ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
                String to = q.containsKey("To") ? q.get("To").get(0) : null;
                List<String> items = new ArrayList<>();
                for (int i = stored.size() - 1; i >= 0; i--) {
                    Stored s = stored.get(i);
                    if (to == null || to.equals(s.to())) {
                        items.add(message(s));
                    }
                }
                json(ex, 200, "{\"messages\":[" + String.join(",", items) + "],\"page\":0,\"page_size\":50,"
                        + "\"first_page_uri\":\"" + path + "?PageSize=50&Page=0\",\"next_page_uri\":null,\"previous_page_uri\":null,"
                        + "\"uri\":\"" + path + "\",\"start\":0,\"end\":" + Math.max(0, items.size() - 1) + "}");
            } else if (path.equals("/v1/Content") && method.equals("POST")) {
                contents.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String sid = "HX" + UUID.randomUUID().toString().replace("-", "");
                json(ex, 201, "{\"sid\":\"" + sid + "\",\"account_sid\":\"AC00000000000000000000000000000001\"}");
            } else {
                json(ex, 404, "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
            }
        }
    }

    private void fetch(HttpExchange ex, String sid) throws IOException {
        fetches.computeIfAbsent(sid, k -> new AtomicInteger()).incrementAndGet();
        Deque<Integer> failures = fetchFailures.get(sid);
        Integer failure = failures == null ? null : failures.poll();
        if (failure != null) {
            json(ex, failure, "{\"code\":" + (failure == 429 ? 20429 : 20500 + failure % 100)
                    + ",\"message\":\"Simulated failure\",\"more_info\":\"https://www.twilio.com/docs/errors/20500\",\"status\":"
                    + failure + "}");
            return;
        }
        Stored s = stored.stream().filter(m -> m.sid().equals(sid)).findFirst().orElse(null);
        if (s == null) {
            json(ex, 404, "{\"code\":20404,\"message\":\"The requested resource /2010-04-01/Accounts/AC00000000000000000000000000000001/Messages/"
                    + sid + ".json was not found\",\"more_info\":\"https://www.twilio.com/docs/errors/20404\",\"status\":404}");
            return;
        }
        json(ex, 200, message(s));
    }

    @SuppressWarnings("unchecked")
    private Stored store(Post post) {
        String body = post.first("Body");
        String contentSid = post.first("ContentSid");
        if (body == null && contentSid != null && contentTexts.containsKey(contentSid)) {
            body = contentTexts.get(contentSid);
            String variables = post.first("ContentVariables");
            if (variables != null) {
                Map<String, Object> values = JSON.readValue(variables, Map.class);
                for (Map.Entry<String, Object> v : values.entrySet()) {
                    body = body.replace("{{" + v.getKey() + "}}", String.valueOf(v.getValue()));
                }
            }
        }
        Stored s = new Stored("SM" + UUID.randomUUID().toString().replace("-", ""), post.first("To"), post.first("From"),
                body, ZonedDateTime.now(ZoneOffset.UTC));
        stored.add(s);
        return s;
    }

    private String message(Stored s) {
        Shown now = shown.getOrDefault(s.sid(), new Shown("queued", null, null));
        String date = RFC_2822.format(s.created());
        return "{\"sid\":\"" + s.sid() + "\",\"account_sid\":\"AC00000000000000000000000000000001\",\"to\":\"" + s.to()
                + "\",\"from\":\"" + s.from() + "\",\"body\":" + (s.body() == null ? "null" : "\"" + escape(s.body()) + "\"")
                + ",\"status\":\"" + now.status() + "\",\"direction\":\"outbound-api\",\"num_segments\":\"1\",\"num_media\":\"0\","
                + "\"date_created\":\"" + date + "\",\"date_updated\":\"" + date + "\",\"date_sent\":null,"
                + "\"api_version\":\"2010-04-01\",\"error_code\":" + now.errorCode() + ",\"error_message\":"
                + (now.errorMessage() == null ? "null" : "\"" + escape(now.errorMessage()) + "\"") + "}";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t");
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    static Map<String, List<String>> form(String body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }
}
