package com.crmfactory.messaging.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-key rate limits ({@code platform.gateway.rate-limit.*}).
 *
 * @param enabled false lets every request through
 * @param requestsPerSecond sustained requests per second per key, unless the key has its own limit
 * @param burst requests a key may make at once after being idle
 * @param idleExpiry a bucket unused this long is forgotten (it would be full again anyway)
 */
@ConfigurationProperties("platform.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20") int requestsPerSecond,
        @DefaultValue("40") int burst, @DefaultValue("10m") Duration idleExpiry) {

    public RateLimit defaultLimit() {
        return new RateLimit(requestsPerSecond, burst);
    }
}
