package com.crmfactory.messaging.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The relay's hand-off: wake-ups coalesce into one drain at a time plus at most one more, without waiting for the
 * poll (an hour here). Drains are counted, never timed: the single relay thread runs them one after another, so a
 * last wake-up's drain proves no other drain was still queued before it.
 */
class OutboxRelaySchedulerTest {

    private final CountingRelay relay = new CountingRelay();
    private final OutboxRelayScheduler scheduler = new OutboxRelayScheduler(relay, Duration.ofHours(1));

    @AfterEach
    void stop() {
        relay.gate.countDown();
        scheduler.stop();
    }

    @Test
    void aWakeUpDrainsAtOnceWithoutWaitingForThePoll() throws Exception {
        scheduler.start();
        relay.awaitDrains(1); // the start-up drain

        scheduler.wakeUp();

        relay.awaitDrains(1);
        assertThat(relay.drains.get()).isEqualTo(2);
    }

    @Test
    void wakeUpsDuringADrainCauseExactlyOneMoreDrain() throws Exception {
        scheduler.start();
        relay.awaitDrains(1);
        relay.blockNextDrain();
        scheduler.wakeUp();
        assertThat(relay.entered.await(10, TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < 10; i++) {
            scheduler.wakeUp();
        }
        relay.gate.countDown();
        relay.awaitDrains(2); // the blocked drain, then the one the ten wake-ups coalesced into
        scheduler.wakeUp();
        relay.awaitDrains(1);

        assertThat(relay.drains.get()).as("start-up, blocked, coalesced, last").isEqualTo(4);
    }

    @Test
    void aWakeUpThatFoundTheLockHeldByAnotherReplicaLooksAgainSoon() throws Exception {
        scheduler.start();
        relay.awaitDrains(1);
        relay.lockedElsewhere.set(1);

        scheduler.wakeUp();

        relay.awaitDrains(2); // the locked-out drain and its retry, not the poll an hour later
        assertThat(relay.drains.get()).isEqualTo(3);
    }

    @Test
    void wakeUpsBeforeStartOrAfterStopAreIgnored() throws Exception {
        scheduler.wakeUp();
        scheduler.start();
        relay.awaitDrains(1);
        scheduler.stop();

        scheduler.wakeUp();

        assertThat(relay.drains.get()).isEqualTo(1);
        assertThat(scheduler.isRunning()).isFalse();
    }

    /** A relay that only counts its drains; one can be held until the test releases it. */
    private static final class CountingRelay extends OutboxRelay {

        final AtomicInteger drains = new AtomicInteger();
        final AtomicInteger lockedElsewhere = new AtomicInteger();
        final Semaphore drained = new Semaphore(0);
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        private volatile boolean blockNext;

        CountingRelay() {
            super(null, null, record -> null, new OutboxProperties(true, Duration.ofHours(1), 200, Duration.ofSeconds(10)),
                    "test", new SimpleMeterRegistry());
        }

        void blockNextDrain() {
            blockNext = true;
        }

        void awaitDrains(int count) throws InterruptedException {
            assertThat(drained.tryAcquire(count, 10, TimeUnit.SECONDS)).as("%d more drain(s)", count).isTrue();
        }

        @Override
        public boolean drain() {
            drains.incrementAndGet();
            if (blockNext) {
                blockNext = false;
                entered.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            boolean gotTheLock = lockedElsewhere.getAndUpdate(n -> Math.max(0, n - 1)) == 0;
            drained.release();
            return gotTheLock;
        }
    }
}
