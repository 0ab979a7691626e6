package com.crmfactory.messaging.outbound.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.common.SenderType;

/**
 * Paces sends per sender number across every replica: each caller reserves the sender's next free slot
 * ({@link SenderSlots}, slots {@code 1/rate} apart) and sends at it, so excess messages go out in the order
 * they asked, and a conversation's messages (sent one after another from its lane) keep their order.
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

    /**
     * Reserves this sender's next slot and answers how long until it; never waits itself (the caller schedules
     * the send for then). Unlimited senders answer 0 without asking the database.
     *
     * @return nanoseconds until the slot, zero or less for now
     */
    public long reserve(String sender, SenderType type) {
        double rate = props.perSecond(type);
        if (!props.enabled() || rate <= 0) {
            return 0;
        }
        return slots.reserve(sender, 1.0 / rate);
    }
}
