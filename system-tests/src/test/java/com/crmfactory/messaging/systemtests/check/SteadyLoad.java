package com.crmfactory.messaging.systemtests.check;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Signed webhooks at a steady rate, each from a fresh customer (one message per customer, so each must get
 * one answer), posted from a pool so that a slow answer (a service down) never slows the rate.
 */
final class SteadyLoad implements AutoCloseable {

    private final Webhooks webhooks;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService posters = Executors.newFixedThreadPool(32);
    private final List<CompletableFuture<Webhooks.Posted>> posts = new ArrayList<>();

    SteadyLoad(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    SteadyLoad start(double perSecond) {
        long periodMicros = (long) (1_000_000 / perSecond);
        ticker.scheduleAtFixedRate(() -> {
            CompletableFuture<Webhooks.Posted> post = CompletableFuture.supplyAsync(() -> webhooks.post(Webhooks.SMS_PATH,
                    webhooks.sms(Webhooks.customer(), "Where is my order " + (1000 + posts.size()) + "?")), posters);
            synchronized (posts) {
                posts.add(post);
            }
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        return this;
    }

    /** Stops posting and returns every post's outcome. */
    List<Webhooks.Posted> stop() {
        ticker.shutdownNow();
        List<Webhooks.Posted> done = new ArrayList<>();
        synchronized (posts) {
            for (CompletableFuture<Webhooks.Posted> post : posts) {
                done.add(post.join());
            }
        }
        return done;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        posters.shutdownNow();
    }
}
