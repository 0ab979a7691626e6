package com.crmfactory.messaging.outbound.ratelimit;

import java.util.concurrent.locks.LockSupport;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.common.SenderType;

/**
 * Paces sends per sender number across every replica: each caller reserves the sender's next free slot
 * ({@link SenderSlots}, slots {@code 1/rate} apart) and waits for it, so excess messages wait in the order
 * they asked, and a conversation's messages (sent one after another from its partition) keep their order.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class SenderRateLimiter {

    private final RateLimitProperties props;
    private final SenderSlots slots;

    public SenderRateLimiter(RateLimitProperties props, SenderSlots slots) {
        this.props = props;
        this.slots = slots;
    }

    /** Waits until this sender may send again. */
    public void await(String sender, SenderType type) {
        double rate = props.perSecond(type);
        if (!props.enabled() || rate <= 0) {
            return;
        }
        long deadline = System.nanoTime() + slots.reserve(sender, 1.0 / rate);
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
