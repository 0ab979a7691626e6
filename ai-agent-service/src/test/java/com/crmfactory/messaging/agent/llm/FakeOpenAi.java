package com.crmfactory.messaging.agent.llm;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake OpenAI-compatible server ({@code POST /v1/chat/completions}) whose "model" is a script: a function
 * from the request (parsed, not string-matched: langchain4j pretty-prints it) to the next step — tool
 * calls, a final (structured) answer, a plain text, a delay or an HTTP error. Every request is kept for assertions.
 */
final class FakeOpenAi implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One chat-completions request as the model sees it. */
    record Request(JsonNode body) {

        /** The last customer (user) message; of a multi-part message its text parts. */
        String lastUserText() {
            List<String> texts = userTexts();
            return texts.isEmpty() ? "" : texts.get(texts.size() - 1);
        }

        /** Every user message in order (chat memory first, this turn's message last); of a multi-part one its text parts. */
        List<String> userTexts() {
            List<String> texts = new ArrayList<>();
            for (JsonNode m : body.path("messages")) {
                if ("user".equals(m.path("role").asString())) {
                    JsonNode content = m.path("content");
                    if (content.isString()) {
                        texts.add(content.asString());
                    } else {
                        StringBuilder text = new StringBuilder();
                        content.forEach(part -> {
                            if ("text".equals(part.path("type").asString())) {
                                text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asString());
                            }
                        });
                        texts.add(text.toString());
                    }
                }
            }
            return texts;
        }

        /** The {@code image_url} parts of the user messages: URLs or {@code data:} URLs with the image inline. */
        List<String> imageUrls() {
            List<String> urls = new ArrayList<>();
            for (JsonNode m : body.path("messages")) {
                if ("user".equals(m.path("role").asString()) && m.path("content").isArray()) {
                    m.path("content").forEach(part -> {
                        if ("image_url".equals(part.path("type").asString())) {
                            urls.add(part.path("image_url").path("url").asString());
                        }
                    });
                }
            }
            return urls;
        }

        /** The tool results sent back since the last user message (empty on the first round). */
        List<String> toolResults() {
            List<String> results = new ArrayList<>();
            for (JsonNode m : body.path("messages")) {
                String role = m.path("role").asString();
                if ("user".equals(role)) {
                    results.clear();
                } else if ("tool".equals(role)) {
                    results.add(m.path("content").asString());
                }
            }
            return results;
        }

        List<String> toolNames() {
            List<String> names = new ArrayList<>();
            body.path("tools").forEach(t -> names.add(t.path("function").path("name").asString()));
            return names;
        }
    }

    /** What the scripted model does next. */
    sealed interface Step {
    }

    record ToolCalls(List<Map<String, Object>> calls) implements Step {
        /** @param nameAndArgs name, arguments map, name, arguments map, … */
        static ToolCalls of(Object... nameAndArgs) {
            List<Map<String, Object>> calls = new ArrayList<>();
            for (int i = 0; i < nameAndArgs.length; i += 2) {
                calls.add(Map.of("name", nameAndArgs[i], "arguments", nameAndArgs[i + 1]));
            }
            return new ToolCalls(calls);
        }
    }

    record Answer(String reply, String intent, double confidence, boolean escalate) implements Step {
    }

    /** A plain-text answer (no structured JSON), as a vision model describing an image gives. */
    record Text(String content) implements Step {
    }

    record Slow(long millis, Step then) implements Step {
    }

    record Fail(int status) implements Step {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Function<Request, Step> script = r -> new Answer("ok", "other", 0.9, false);

    FakeOpenAi() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/v1";
    }

    void script(Function<Request, Step> script) {
        this.script = script;
    }

    List<Request> requests() {
        return requests;
    }

    /** Requests whose last user message contains the marker. */
    List<Request> requestsAbout(String marker) {
        return requests.stream().filter(r -> r.lastUserText().contains(marker)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            requests.add(request);
            Step step = script.apply(request);
            while (step instanceof Slow slow) {
                try {
                    Thread.sleep(slow.millis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                step = slow.then();
            }
            if (step instanceof Fail fail) {
                respond(exchange, fail.status(), "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}");
                return;
            }
            respond(exchange, 200, JSON.writeValueAsString(completion(step)));
        }
    }

    private ObjectNode completion(Step step) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        String finish;
        if (step instanceof ToolCalls calls) {
            message.putNull("content");
            ArrayNode toolCalls = message.putArray("tool_calls");
            for (Map<String, Object> call : calls.calls()) {
                ObjectNode c = toolCalls.addObject().put("id", "call_" + ids.incrementAndGet()).put("type", "function");
                c.putObject("function").put("name", (String) call.get("name"))
                        .put("arguments", JSON.writeValueAsString(call.get("arguments")));
            }
            finish = "tool_calls";
        } else if (step instanceof Text text) {
            message.put("content", text.content());
            finish = "stop";
        } else {
            Answer a = (Answer) step;
            message.put("content", JSON.writeValueAsString(Map.of("reply", a.reply(), "intent", a.intent(),
                    "confidence", a.confidence(), "escalate", a.escalate())));
            finish = "stop";
        }
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-" + ids.incrementAndGet())
                .put("object", "chat.completion").put("created", System.currentTimeMillis() / 1000).put("model", "fake-gpt");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finish);
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20);
        return root;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
