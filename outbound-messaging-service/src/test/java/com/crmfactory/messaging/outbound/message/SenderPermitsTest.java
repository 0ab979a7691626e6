package com.crmfactory.messaging.outbound.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** A sender's sends at once are bounded; waiters get the permits in the order they asked; other senders are free. */
class SenderPermitsTest {

    private final SenderPermits permits = new SenderPermits(new OutboundProperties("http://localhost:8080", null, 5,
            Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(1), 3, Duration.ofMinutes(2),
            "no-reply@localhost", 32, 2000, 2, Duration.ofSeconds(10)));

    @Test
    void aSendersThirdSendWaitsForAPermitAndGetsItOnARelease() {
        assertThat(permits.acquire("+15550001").isDone()).isTrue();
        assertThat(permits.acquire("+15550001").isDone()).isTrue();
        CompletableFuture<Void> third = permits.acquire("+15550001");
        CompletableFuture<Void> fourth = permits.acquire("+15550001");

        assertThat(third.isDone()).isFalse();
        assertThat(permits.acquire("+15550002").isDone()).as("another sender").isTrue();

        permits.release("+15550001");
        assertThat(third.isDone()).as("the first waiter").isTrue();
        assertThat(fourth.isDone()).isFalse();
        permits.release("+15550001");
        assertThat(fourth.isDone()).isTrue();
    }

    @Test
    void aSenderWithNothingRunningIsForgotten() {
        permits.acquire("+15550003");
        permits.acquire("+15550003");
        permits.release("+15550003");
        permits.release("+15550003");

        assertThat(permits.busySenders()).isZero();
    }
}
