package com.crmfactory.messaging.outbound.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import com.crmfactory.messaging.support.kafka.TraceParent;

import io.micrometer.tracing.Tracer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Lanes keep a conversation's order, run conversations in parallel, and park no thread while a send waits. */
class SendLanesTest {

    private SendLanes lanes;

    @AfterEach
    void stop() throws InterruptedException {
        lanes.destroy();
    }

    @Test
    void aLanesSendsRunOneAfterAnotherInSubmissionOrder() throws Exception {
        lanes = lanes(4);
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(50);
        for (int i = 0; i < 50; i++) {
            int n = i;
            // each send finishes on another thread, later: the next one must still wait for it
            lanes.submit("conversation-1", lane -> CompletableFuture.runAsync(() -> {
                ran.add(n);
                all.countDown();
            }, lane.after(TimeUnit.MICROSECONDS.toNanos(100))));
        }

        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).hasSize(50).isSorted();
    }

    @Test
    void aSendWaitingForItsRateSlotHoldsNoWorkerAndHoldsBackOnlyItsOwnConversation() throws Exception {
        lanes = lanes(1);
        AtomicBoolean laterInTheSameConversation = new AtomicBoolean();
        CountDownLatch otherConversation = new CountDownLatch(1);

        // its slot is an hour away: with one worker thread, anything else can only run if no thread waits for it
        lanes.submit("conversation-1", lane -> CompletableFuture.runAsync(() -> { }, lane.after(TimeUnit.HOURS.toNanos(1))));
        lanes.submit("conversation-1", lane -> {
            laterInTheSameConversation.set(true);
            return CompletableFuture.completedFuture(null);
        });
        lanes.submit("conversation-2", lane -> {
            otherConversation.countDown();
            return CompletableFuture.completedFuture(null);
        });

        assertThat(otherConversation.await(10, TimeUnit.SECONDS)).as("the other conversation's send ran").isTrue();
        assertThat(laterInTheSameConversation).as("the waiting conversation's next send still waits").isFalse();
    }

    @Test
    void aFailedSendDoesNotBlockItsConversation() throws Exception {
        lanes = lanes(2);
        CountDownLatch next = new CountDownLatch(1);

        lanes.submit("conversation-1", lane -> {
            throw new IllegalStateException("database away");
        });
        lanes.submit("conversation-1", lane -> CompletableFuture.failedFuture(new IllegalStateException("later failure")));
        lanes.submit("conversation-1", lane -> {
            next.countDown();
            return CompletableFuture.completedFuture(null);
        });

        assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private static SendLanes lanes(int workers) {
        OutboundProperties props = new OutboundProperties("http://localhost:8080", null, 5, Duration.ofMillis(500),
                Duration.ofSeconds(10), Duration.ofSeconds(1), 3, Duration.ofMinutes(2), "no-reply@localhost", workers, 100, 16, Duration.ofSeconds(10));
        return new SendLanes(props, new TraceParent(new StaticListableBeanFactory().getBeanProvider(Tracer.class)),
                new SimpleMeterRegistry());
    }
}
