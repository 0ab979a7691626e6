package com.crmfactory.messaging.gateway.ratelimit;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One token bucket per API key, in this gateway replica's memory: with N replicas behind a load
 * balancer a key may get up to N times its limit. Buckets idle for {@code idle-expiry} are dropped.
 */
@Component
public class RateLimiter {

    private final RateLimitProperties properties;
    private final Cache<UUID, TokenBucket> buckets;

    public RateLimiter(RateLimitProperties properties) {
        this.properties = properties;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(properties.idleExpiry()).build();
    }

    /**
     * @param keyLimit the key's own limit, or null for the default
     */
    public Verdict tryAcquire(UUID keyId, RateLimit keyLimit) {
        RateLimit limit = keyLimit == null ? properties.defaultLimit() : keyLimit;
        if (!properties.enabled()) {
            return new Verdict(true, limit, limit.burst(), 0);
        }
        long now = System.nanoTime();
        TokenBucket bucket = buckets.asMap().compute(keyId,
                (id, existing) -> existing != null && existing.limit().equals(limit) ? existing : new TokenBucket(limit, now));
        TokenBucket.Decision decision = bucket.tryTake(now);
        return new Verdict(decision.allowed(), limit, decision.remaining(),
                decision.allowed() ? 0 : decision.retryAfterSeconds());
    }

    /** The outcome for one request; {@code retryAfterSeconds} is set when refused. */
    public record Verdict(boolean allowed, RateLimit limit, long remaining, long retryAfterSeconds) {
    }
}
