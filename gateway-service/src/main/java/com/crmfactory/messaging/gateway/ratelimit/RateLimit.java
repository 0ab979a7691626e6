package com.crmfactory.messaging.gateway.ratelimit;

/**
 * A token bucket's shape: {@code requestsPerSecond} tokens are added every second, up to {@code burst}.
 * A key may carry its own; otherwise the gateway's default applies.
 */
public record RateLimit(int requestsPerSecond, int burst) {

    public RateLimit {
        if (requestsPerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("requestsPerSecond and burst must be positive");
        }
    }
}
