package com.crmfactory.messaging.outbound.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.events.common.SenderType;

class SenderRateLimiterTest {

    /** long code 10/s, toll-free 0 (unlimited), short code 100/s, WhatsApp 20/s */
    private final SenderRateLimiter limiter = new SenderRateLimiter(new RateLimitProperties(true, 10, 0, 100, 20));

    @Test
    void aSenderIsPacedAtItsTypesRate() {
        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            limiter.await("+15550000001", SenderType.LONG_CODE);
        }
        // the first goes at once, the next ten each 100 ms later
        assertThat(millisSince(start)).isBetween(950L, 1_300L);
    }

    @Test
    void sendersArePacedIndependently() {
        limiter.await("+15550000002", SenderType.LONG_CODE);
        long start = System.nanoTime();
        limiter.await("+15550000003", SenderType.LONG_CODE);
        limiter.await("whatsapp:+15550000002", SenderType.WHATSAPP);
        assertThat(millisSince(start)).isLessThan(50L);
    }

    @Test
    void zeroOrDisabledMeansUnlimited() {
        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            limiter.await("+18005550100", SenderType.TOLL_FREE);
        }
        SenderRateLimiter off = new SenderRateLimiter(new RateLimitProperties(false, 1, 3, 100, 80));
        for (int i = 0; i < 1_000; i++) {
            off.await("+15550000004", SenderType.LONG_CODE);
        }
        assertThat(millisSince(start)).isLessThan(500L);
    }

    @Test
    void concurrentCallersGetDistinctSlotsInTheOrderTheyAsked() throws Exception {
        String sender = "+15550000005";
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Long> at = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(5);
        for (int i = 0; i < 5; i++) {
            int n = i;
            Thread thread = new Thread(() -> {
                limiter.await(sender, SenderType.LONG_CODE);
                order.add(n);
                at.add(millisSince(start));
                done.countDown();
            });
            threads.add(thread);
            thread.start();
            Thread.sleep(20); // asks in order 0..4, well inside the first 100 ms slot
        }
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        List<Long> sorted = new ArrayList<>(at);
        Collections.sort(sorted);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - 1)).as("gap %d", i).isGreaterThanOrEqualTo(80L);
        }
        assertThat(sorted.get(4)).isBetween(390L, 700L);
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
