package com.crmfactory.messaging.devstack.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watches what the product POSTs to the Twilio simulator ({@code GET /sim/messages?after=N}, the simulator's
 * time stamp of each POST) and marks each customer's first reply.
 */
final class ReplyWatch implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String simulator;
    private final Map<String, SentMessage> byCustomer = new ConcurrentHashMap<>();
    private final AtomicInteger extraReplies = new AtomicInteger();
    private final Thread poller;
    private volatile boolean running = true;
    private int seen;

    ReplyWatch(String simulator) throws Exception {
        this.simulator = simulator;
        this.seen = fetch(0).size(); // only what comes after the start counts
        this.poller = new Thread(this::poll, "reply-watch");
        poller.setDaemon(true);
        poller.start();
    }

    void expect(SentMessage message) {
        byCustomer.put(message.customer, message);
    }

    /** Replies beyond the first to one customer (one message each, so a second reply is a duplicate send). */
    int extraReplies() {
        return extraReplies.get();
    }

    private void poll() {
        while (running) {
            try {
                List<Map<String, Object>> page = fetch(seen);
                seen += page.size();
                for (Map<String, Object> m : page) {
                    SentMessage sent = byCustomer.get(String.valueOf(m.get("to")).replace("whatsapp:", ""));
                    if (sent == null) {
                        continue;
                    }
                    if (sent.answered()) {
                        extraReplies.incrementAndGet();
                    } else {
                        sent.repliedAtMillis = ((Number) m.get("createdAtMillis")).longValue();
                    }
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.err.println("load: reading the simulator failed (" + e.getMessage() + "); retrying");
            }
        }
    }

    private List<Map<String, Object>> fetch(int after) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator + "/sim/messages?after=" + after))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readValue(response.body(), new TypeReference<>() { });
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
