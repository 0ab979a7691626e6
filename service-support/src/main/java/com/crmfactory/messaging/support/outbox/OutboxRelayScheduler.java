package com.crmfactory.messaging.support.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the relay on its own single thread: drains the outbox, then waits {@code poll-interval}
 * (backing off after failures, e.g. while the broker is away). Stops before the Kafka producer does.
 */
public class OutboxRelayScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final OutboxRelay relay;
    private final Duration pollInterval;
    private ScheduledExecutorService executor;
    private Duration backoff;

    public OutboxRelayScheduler(OutboxRelay relay, Duration pollInterval) {
        this.relay = relay;
        this.pollInterval = pollInterval;
        this.backoff = pollInterval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.schedule(this::tick, 0, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        Duration next = pollInterval;
        try {
            relay.relayAll();
            backoff = pollInterval;
        } catch (RuntimeException e) {
            log.warn("Outbox relay batch failed, retrying: {}", e.getMessage());
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            next = backoff;
        }
        ScheduledExecutorService current = executor;
        if (current != null && !current.isShutdown()) {
            current.schedule(this::tick, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // after the Kafka listener containers start, before the producer factory is destroyed
        return Integer.MAX_VALUE - 100;
    }
}
