package com.crmfactory.messaging.support.outbox;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the relay on its own single thread. A commit that appended rows {@linkplain #wakeUp() wakes} it at once;
 * wake-ups coalesce: while a drain runs, any number of them cause exactly one more drain. Polling every
 * {@code poll-interval} stays as the safety net (rows a crashed replica left, a lost wake-up), backing off after
 * failures (e.g. while the broker is away: wake-ups then wait for the back-off too). Stops before the Kafka
 * producer does.
 */
public class OutboxRelayScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** Another replica held the relay lock during a wake-up: look again this soon rather than at the next poll. */
    static final Duration LOCK_RETRY = Duration.ofMillis(20);

    private final OutboxRelay relay;
    private final Duration pollInterval;
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private volatile ScheduledThreadPoolExecutor executor;
    // touched only on the relay thread
    private Duration backoff;
    private boolean failing;

    public OutboxRelayScheduler(OutboxRelay relay, Duration pollInterval) {
        this.relay = relay;
        this.pollInterval = pollInterval;
        this.backoff = pollInterval;
    }

    @Override
    public synchronized void start() {
        ScheduledThreadPoolExecutor started = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        // a pending poll or retry must not hold up the shutdown
        started.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor = started;
        started.execute(this::tick);
    }

    /**
     * Asks for a drain as soon as possible; returns at once (called on the committing thread). If a wake-up is
     * already queued, that drain starts after this caller's commit and sees its rows, so nothing more is needed.
     */
    public void wakeUp() {
        ScheduledThreadPoolExecutor current = executor;
        if (current == null || !wakeUpQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(this::drainOnWakeUp);
        } catch (RejectedExecutionException stopping) {
            wakeUpQueued.set(false);
        }
    }

    private void drainOnWakeUp() {
        // cleared before reading: a commit after this point queues the next drain
        wakeUpQueued.set(false);
        if (failing) {
            return; // the back-off's tick retries
        }
        if (!drain()) {
            schedule(this::wakeUp, LOCK_RETRY);
        }
    }

    private void tick() {
        drain();
        schedule(this::tick, failing ? backoff : pollInterval);
    }

    /** @return false when another replica held the lock */
    private boolean drain() {
        try {
            boolean drained = relay.drain();
            failing = false;
            backoff = pollInterval;
            return drained;
        } catch (RuntimeException e) {
            log.warn("Outbox relay batch failed, retrying: {}", e.getMessage());
            backoff = failing ? min(backoff.multipliedBy(2), MAX_BACKOFF) : min(pollInterval, MAX_BACKOFF);
            failing = true;
            return true;
        }
    }

    private void schedule(Runnable task, Duration delay) {
        ScheduledThreadPoolExecutor current = executor;
        if (current != null && !current.isShutdown()) {
            try {
                current.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // shutting down
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public synchronized void stop() {
        ScheduledThreadPoolExecutor current = executor;
        if (current != null) {
            executor = null;
            current.shutdown();
            try {
                current.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
