package com.crmfactory.messaging.gateway.auth;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.crmfactory.messaging.gateway.agent.AgentUser;
import com.crmfactory.messaging.gateway.apikey.ApiKeyPrincipal;
import com.crmfactory.messaging.gateway.ratelimit.RateLimit;
import com.crmfactory.messaging.gateway.ratelimit.RateLimiter;
import com.crmfactory.messaging.gateway.web.Problem;
import com.crmfactory.messaging.gateway.web.ProblemWriter;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * The per-key rate limit of {@code /api/v1/**}, inside the API security chain after authorisation (so it
 * only ever counts authenticated keys). Not a bean: as a bean it would run on every path.
 */
public final class ApiKeyRateLimitFilter implements WebFilter {

    private final RateLimiter rateLimiter;
    private final ProblemWriter problems;
    private final MeterRegistry meters;

    public ApiKeyRateLimitFilter(RateLimiter rateLimiter, ProblemWriter problems, MeterRegistry meters) {
        this.rateLimiter = rateLimiter;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(authentication -> Mono.justOrEmpty(bucket(authentication)))
                // unreachable behind the chain's authorisation rule; refuse rather than pass unmetered
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("rate limit without an authenticated caller")))
                .flatMap(bucket -> limit(exchange, chain, bucket));
    }

    /** An API key's own bucket and limit; a signed-in agent's bucket (the default limit). */
    private static Bucket bucket(Authentication authentication) {
        if (authentication instanceof ApiKeyAuthentication key) {
            ApiKeyPrincipal principal = key.getPrincipal();
            return new Bucket(principal.keyId(), principal.rateLimit());
        }
        if (authentication != null && authentication.getPrincipal() instanceof AgentUser agent) {
            return new Bucket(agent.agentId(), null);
        }
        return null;
    }

    private record Bucket(UUID id, RateLimit limit) {
    }

    private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, Bucket bucket) {
        RateLimiter.Verdict verdict = rateLimiter.tryAcquire(bucket.id(), bucket.limit());
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-RateLimit-Limit", String.valueOf(verdict.limit().requestsPerSecond()));
        headers.set("X-RateLimit-Remaining", String.valueOf(verdict.remaining()));
        if (verdict.allowed()) {
            return chain.filter(exchange);
        }
        meters.counter("gateway.rate.limited").increment();
        return problems.write(exchange, Problem.of(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "This caller sent more than " + verdict.limit().requestsPerSecond() + " requests per second (burst "
                        + verdict.limit().burst() + "). Retry after " + verdict.retryAfterSeconds() + " s.")
                .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfterSeconds())));
    }
}
