package com.crmfactory.messaging.ingest.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests at a constant rate whatever the responses do (open loop, like Twilio: a slow answer never
 * delays the next webhook). Each latency is measured from the request's scheduled send time, not from when
 * it actually left, so a stalled generator or server shows up in the figures instead of hiding
 * (no coordinated omission).
 */
final class OpenLoopLoad {

    record Result(int targetRate, Duration duration, int sent, int ok, int errors, double sentRate,
            double achievedRate, LatencyStats latency, String firstError) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final SignedWebhooks webhooks;

    OpenLoopLoad(SignedWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    Result run(int rate, Duration duration) throws InterruptedException {
        int total = (int) (rate * duration.toSeconds());
        HttpRequest[] requests = new HttpRequest[total];
        for (int i = 0; i < total; i++) {
            requests[i] = webhooks.next(); // signed up front: the generator's clock only sends
        }
        long[] latencies = new long[total];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger okIndex = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong lastCompletion = new AtomicLong();
        StringBuffer firstError = new StringBuffer();
        CountDownLatch done = new CountDownLatch(total);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 20_000_000L;
        long lastSend = start;
        for (int i = 0; i < total; i++) {
            long intended = start + i * interval;
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            lastSend = System.nanoTime();
            http.sendAsync(requests[i], HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long end = System.nanoTime();
                lastCompletion.accumulateAndGet(end, Math::max);
                if (failure == null && response.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                    latencies[okIndex.getAndIncrement()] = end - intended;
                } else {
                    errors.incrementAndGet();
                    if (firstError.length() == 0) {
                        firstError.append(failure != null ? failure.toString() : "HTTP " + response.statusCode());
                    }
                }
                done.countDown();
            });
            requests[i] = null;
        }
        if (!done.await(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
            firstError.append(" (").append(done.getCount()).append(" requests never completed)");
        }
        int completed = okIndex.get();
        double sentRate = total / ((lastSend - start) / 1e9 + 1.0 / rate);
        double achievedRate = ok.get() / Math.max((lastCompletion.get() - start) / 1e9, 1e-9);
        return new Result(rate, duration, total, ok.get(), errors.get() + (int) done.getCount(), sentRate, achievedRate,
                LatencyStats.of(latencies, completed), firstError.length() == 0 ? null : firstError.toString());
    }
}
