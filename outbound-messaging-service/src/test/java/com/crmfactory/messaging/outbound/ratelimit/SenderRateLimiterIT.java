package com.crmfactory.messaging.outbound.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.crmfactory.messaging.events.common.SenderType;
import com.crmfactory.messaging.testsupport.Infrastructure;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The per-sender pace on the real PostgreSQL, held across replicas: two limiters (two service instances)
 * on one database share each sender's slots. Lower bounds are the contract (never faster than the rate);
 * upper bounds are loose, only to show nothing waits needlessly.
 */
class SenderRateLimiterIT {

    /** long code 10/s, toll-free 0 (unlimited), short code 100/s, WhatsApp 20/s */
    private static final RateLimitProperties LIMITS = new RateLimitProperties(true, 10, 0, 100, 20);

    private static SenderSlots slots;

    @BeforeAll
    static void database() {
        Infrastructure infrastructure = Infrastructure.get();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(infrastructure.createDatabase("SenderRateLimiterIT"));
        dataSource.setUsername(infrastructure.postgres().username());
        dataSource.setPassword(infrastructure.postgres().password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        slots = new SenderSlots(new JdbcTemplate(dataSource));
    }

    @Test
    void aSenderIsPacedAtItsTypesRate() {
        SenderRateLimiter limiter = new SenderRateLimiter(LIMITS, slots);
        long start = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            waitForSlot(limiter, "+15550000001", SenderType.LONG_CODE);
        }
        // the first goes at once, the next ten each 100 ms later
        assertThat(millisSince(start)).isBetween(950L, 2_000L);
    }

    @Test
    void twoReplicasShareOnePacePerSender() throws Exception {
        SenderRateLimiter replicaA = new SenderRateLimiter(LIMITS, slots);
        SenderRateLimiter replicaB = new SenderRateLimiter(LIMITS, slots);
        String sender = "+15550000009";
        List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> both = new ArrayList<>();
            for (SenderRateLimiter replica : List.of(replicaA, replicaB)) {
                both.add(replicas.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        waitForSlot(replica, sender, SenderType.LONG_CODE);
                        sentAt.add(millisSince(start));
                    }
                }));
            }
            for (Future<?> replica : both) {
                replica.get(30, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }
        // 20 sends at 10/s from two replicas: 1.9 s, as if one instance had sent them all (less a round trip's
        // jitter: each replica learns its slot one database round trip after the database chose it)
        List<Long> sorted = new ArrayList<>(sentAt);
        Collections.sort(sorted);
        assertThat(sorted.get(19) - sorted.get(0)).isGreaterThanOrEqualTo(1_800L);
        assertThat(sorted.get(19)).isLessThan(4_000L);
    }

    @Test
    void sendersArePacedIndependently() {
        SenderRateLimiter limiter = new SenderRateLimiter(LIMITS, slots);
        waitForSlot(limiter, "+15550000002", SenderType.LONG_CODE);
        long start = System.nanoTime();
        waitForSlot(limiter, "+15550000003", SenderType.LONG_CODE);
        waitForSlot(limiter, "whatsapp:+15550000002", SenderType.WHATSAPP);
        assertThat(millisSince(start)).isLessThan(90L);
    }

    @Test
    void zeroOrDisabledMeansUnlimitedAndAsksNoDatabase() {
        SenderRateLimiter unlimitedTollFree = new SenderRateLimiter(LIMITS, null);
        SenderRateLimiter off = new SenderRateLimiter(new RateLimitProperties(false, 1, 3, 100, 80), null);
        for (int i = 0; i < 1_000; i++) {
            waitForSlot(unlimitedTollFree, "+18005550100", SenderType.TOLL_FREE);
            waitForSlot(off, "+15550000004", SenderType.LONG_CODE);
        }
    }

    @Test
    void concurrentCallersGetDistinctSlotsInTheOrderTheyAsked() throws Exception {
        SenderRateLimiter limiter = new SenderRateLimiter(LIMITS, slots);
        String sender = "+15550000005";
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Long> at = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            Thread thread = new Thread(() -> {
                waitForSlot(limiter, sender, SenderType.LONG_CODE);
                order.add(n);
                at.add(millisSince(start));
            });
            threads.add(thread);
            thread.start();
            Thread.sleep(20); // asks in order 0..4, well inside the first 100 ms slot
        }
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        List<Long> sorted = new ArrayList<>(at);
        Collections.sort(sorted);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - 1)).as("gap %d", i).isGreaterThanOrEqualTo(80L);
        }
        assertThat(sorted.get(4)).isGreaterThanOrEqualTo(390L);
    }

    /** What the dispatcher does without parking a thread (it schedules the send for the slot), done here by waiting. */
    private static void waitForSlot(SenderRateLimiter limiter, String sender, SenderType type) {
        long deadline = System.nanoTime() + limiter.reserve(sender, type);
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
