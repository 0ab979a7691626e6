package com.crmfactory.messaging.outbound.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.common.SenderType;

/**
 * Paces sends per sender number: each caller reserves the sender's next free slot (slots are
 * {@code 1/rate} apart) and waits for it, so excess messages wait in the order they asked, and a
 * conversation's messages (sent one after another from its partition) keep their order. Per instance:
 * with several replicas each paces its own share (the partitions it owns).
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class SenderRateLimiter {

    private final RateLimitProperties props;
    private final Map<String, long[]> nextSlot = new ConcurrentHashMap<>();

    public SenderRateLimiter(RateLimitProperties props) {
        this.props = props;
    }

    /** Waits until this sender may send again. */
    public void await(String sender, SenderType type) {
        double rate = props.perSecond(type);
        if (!props.enabled() || rate <= 0) {
            return;
        }
        long interval = (long) (1_000_000_000L / rate);
        long[] next = nextSlot.computeIfAbsent(sender, s -> new long[] {Long.MIN_VALUE});
        long slot;
        synchronized (next) {
            long now = System.nanoTime();
            slot = next[0] == Long.MIN_VALUE || next[0] - now < 0 ? now : next[0];
            next[0] = slot + interval;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
