package com.crmfactory.messaging.devstack.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

import com.crmfactory.messaging.devstack.webhook.SendTestWebhook;
import com.crmfactory.messaging.devstack.webhook.TwilioSignature;

/**
 * Posts signed Twilio webhooks at a fixed rate whatever the answers take (open loop: a slow pipeline does not slow
 * the customers down, as it would not in production), each from a new customer number.
 */
final class OpenLoopSender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String authToken;
    private final String body;
    private final CustomerNumbers numbers;

    OpenLoopSender(String url, String authToken, String body, CustomerNumbers numbers) {
        this.url = url;
        this.authToken = authToken;
        this.body = body;
        this.numbers = numbers;
    }

    /** Sends {@code rate} messages per second for {@code seconds}; returns once the last is sent (not answered). */
    List<SentMessage> run(int rate, int seconds, Consumer<SentMessage> beforeSend) {
        List<SentMessage> sink = new ArrayList<>();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            SentMessage message = new SentMessage(numbers.next());
            beforeSend.accept(message);
            sink.add(send(message));
        }
        return sink;
    }

    private SentMessage send(SentMessage sent) {
        Map<String, String> form = SendTestWebhook.form(Map.of("from", sent.customer, "body", body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", TwilioSignature.sign(authToken, url, form))
                .POST(HttpRequest.BodyPublishers.ofString(SendTestWebhook.encode(form))).build();
        sent.start();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            sent.ackMillis = (System.nanoTime() - sent.sentAtNanos) / 1_000_000;
            sent.status = error == null ? response.statusCode() : -1;
        });
        return sent;
    }
}
