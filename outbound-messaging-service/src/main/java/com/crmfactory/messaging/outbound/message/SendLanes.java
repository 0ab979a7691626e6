package com.crmfactory.messaging.outbound.message;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.support.kafka.TraceParent;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs sends off the Kafka consumer threads, one lane per conversation: a lane's sends run one after another in
 * the order they were submitted (a conversation's messages keep their order), different lanes in parallel on
 * {@code send-concurrency} worker threads (the overall bound on concurrent sends: Twilio calls, SMTP, their
 * database steps). Waiting (a sender's rate slot, a retry's back-off) parks no thread: the step is scheduled on a
 * {@linkplain Lane#after delayed executor}. Submitting blocks the consumer only while {@code max-in-flight} sends are
 * already queued, which holds the backlog in Kafka rather than in memory.
 */
@Component
class SendLanes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SendLanes.class);

    private final ThreadPoolExecutor workers;
    private final Semaphore room;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final TraceParent traceParent;

    SendLanes(OutboundProperties props, TraceParent traceParent, MeterRegistry meters) {
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(props.sendConcurrency(), props.sendConcurrency(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "outbound-send-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.room = new Semaphore(props.maxInFlight());
        this.traceParent = traceParent;
        Gauge.builder("outbound.sends.in.flight", tails, Map::size)
                .description("conversations with a send queued or running").register(meters);
    }

    /** One submitted send: where its steps run (in the submitter's trace), now or later. */
    interface Lane {

        /** Runs tasks on a worker thread. */
        Executor now();

        /** Runs tasks on a worker thread once {@code nanos} have passed; no thread waits meanwhile. */
        default Executor after(long nanos) {
            return CompletableFuture.delayedExecutor(Math.max(0, nanos), TimeUnit.NANOSECONDS, now());
        }
    }

    /**
     * Queues {@code send} behind the lane's earlier sends. The send's future completes when it is done (including
     * its delayed steps); a failure is logged and leaves the row to the {@link Reconciler}.
     *
     * @return false when interrupted while waiting for room (shutting down): nothing was queued
     */
    boolean submit(String lane, Function<Lane, CompletableFuture<Void>> send) {
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false; // shutting down: the row stays pending and is picked up again
        }
        String trace = traceParent.current().orElse(null);
        Executor inTrace = task -> workers.execute(() -> traceParent.continueTrace(trace, "outbound.send", task));
        Lane steps = () -> inTrace;
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous = tails.put(lane, done);
        (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                .thenComposeAsync(ignored -> start(send, steps), inTrace)
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        log.warn("a send failed and is left to the reconciler: {}", failure.toString());
                    }
                    tails.remove(lane, done);
                    room.release();
                    done.complete(null);
                });
        return true;
    }

    private static CompletableFuture<Void> start(Function<Lane, CompletableFuture<Void>> send, Lane steps) {
        try {
            return send.apply(steps);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
