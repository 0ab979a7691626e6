package com.crmfactory.messaging.gateway.ratelimit;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket: starts full at {@code burst} tokens, refills {@code requestsPerSecond} tokens a
 * second (continuously, not in steps), never above {@code burst}. Each request takes one token.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final RateLimit limit;
    private double tokens;
    private long refilledAt;

    TokenBucket(RateLimit limit, long nowNanos) {
        this.limit = limit;
        this.tokens = limit.burst();
        this.refilledAt = nowNanos;
    }

    RateLimit limit() {
        return limit;
    }

    /** Takes a token if there is one. */
    synchronized Decision tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return new Decision(true, (long) Math.floor(tokens), 0);
        }
        long waitNanos = (long) Math.ceil((1 - tokens) / limit.requestsPerSecond() * NANOS_PER_SECOND);
        return new Decision(false, 0, waitNanos);
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(limit.burst(), tokens + elapsed / NANOS_PER_SECOND * limit.requestsPerSecond());
            refilledAt = nowNanos;
        }
    }

    /**
     * @param remaining whole tokens left after this request
     * @param waitNanos when refused, how long until a token is back
     */
    record Decision(boolean allowed, long remaining, long waitNanos) {

        /** {@code Retry-After} in whole seconds, at least 1. */
        long retryAfterSeconds() {
            return Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
        }
    }
}
