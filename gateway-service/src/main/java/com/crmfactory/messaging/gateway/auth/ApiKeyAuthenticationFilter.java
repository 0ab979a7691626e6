package com.crmfactory.messaging.gateway.auth;

import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.gateway.apikey.ApiKeyAuthenticator;
import com.crmfactory.messaging.gateway.apikey.ApiKeyPrincipal;
import com.crmfactory.messaging.gateway.ratelimit.RateLimiter;
import com.crmfactory.messaging.gateway.web.Problem;
import com.crmfactory.messaging.gateway.web.ProblemWriter;
import com.crmfactory.messaging.support.web.OrgContext;
import com.crmfactory.messaging.support.web.OrgContextToken;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * The edge of the public API. On every request it removes client-supplied org headers. On
 * {@code /api/v1/**} (not the webhooks) it then requires an org API key, applies the key's rate limit,
 * and hands the service the org as a freshly signed {@code X-Org-Context} in place of the key (the key
 * itself never travels further than the gateway).
 */
@Component
public class ApiKeyAuthenticationFilter implements WebFilter, Ordered {

    /** Early, so no other filter or route sees a request before its org headers are gone. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final ApiKeyAuthenticator authenticator;
    private final RateLimiter rateLimiter;
    private final OrgContextToken orgContext;
    private final ProblemWriter problems;
    private final MeterRegistry meters;

    public ApiKeyAuthenticationFilter(ApiKeyAuthenticator authenticator, RateLimiter rateLimiter,
            OrgContextToken orgContext, ProblemWriter problems, MeterRegistry meters) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.orgContext = orgContext;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerWebExchange sanitized = OrgHeaders.anyIn(exchange.getRequest().getHeaders())
                ? exchange.mutate().request(request -> request.headers(OrgHeaders::strip)).build()
                : exchange;
        if (!ApiPaths.needsApiKey(sanitized.getRequest().getPath().pathWithinApplication().value())) {
            return chain.filter(sanitized);
        }
        Optional<String> key = BearerToken.from(sanitized.getRequest());
        if (key.isEmpty()) {
            return reject(sanitized, "missing_key", unauthorized("Missing API key",
                    "Send the org's API key as 'Authorization: Bearer <key>'."));
        }
        return authenticator.authenticate(key.get()).flatMap(principal -> principal.isPresent()
                ? admit(sanitized, chain, principal.get())
                : reject(sanitized, "invalid_key", unauthorized("Invalid API key", "The API key is unknown or revoked.")));
    }

    private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, ApiKeyPrincipal principal) {
        if (principal.orgStatus() == TenantStatus.SUSPENDED) {
            return reject(exchange, "org_suspended", Problem.of(HttpStatus.FORBIDDEN, "Organisation suspended",
                    "This API key's organisation is suspended."));
        }
        RateLimiter.Verdict verdict = rateLimiter.tryAcquire(principal.keyId(), principal.rateLimit());
        HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
        responseHeaders.set("X-RateLimit-Limit", String.valueOf(verdict.limit().requestsPerSecond()));
        responseHeaders.set("X-RateLimit-Remaining", String.valueOf(verdict.remaining()));
        if (!verdict.allowed()) {
            meters.counter("gateway.rate.limited").increment();
            return problems.write(exchange, Problem.of(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "This API key sent more than " + verdict.limit().requestsPerSecond() + " requests per second (burst "
                            + verdict.limit().burst() + "). Retry after " + verdict.retryAfterSeconds() + " s.")
                    .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfterSeconds())));
        }
        String signed = orgContext.sign(principal.orgId());
        return chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.set(OrgContext.HEADER, signed);
        })).build());
    }

    private Mono<Void> reject(ServerWebExchange exchange, String reason, Problem problem) {
        meters.counter("gateway.auth.rejected", "reason", reason).increment();
        return problems.write(exchange, problem);
    }

    private static Problem unauthorized(String title, String detail) {
        return Problem.of(HttpStatus.UNAUTHORIZED, title, detail)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"api\"");
    }
}
