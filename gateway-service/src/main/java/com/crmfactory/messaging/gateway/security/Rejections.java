package com.crmfactory.messaging.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.crmfactory.messaging.gateway.web.Problem;
import com.crmfactory.messaging.gateway.web.ProblemWriter;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Answers every refusal of the security chains as problem+json and counts it in
 * {@code gateway_auth_rejected_total{reason}}: no credential (entry point), a wrong one (failure
 * handler), a valid one of the wrong kind (access denied).
 */
@Component
public class Rejections {

    private final ProblemWriter problems;
    private final MeterRegistry meters;

    public Rejections(ProblemWriter problems, MeterRegistry meters) {
        this.problems = problems;
        this.meters = meters;
    }

    public Mono<Void> reject(ServerWebExchange exchange, AuthRejection rejection) {
        meters.counter("gateway.auth.rejected", "reason", rejection.reason()).increment();
        // a refusal is never cached, whatever the path
        exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        return problems.write(exchange, rejection.problem());
    }

    /** No credential at all. */
    public ServerAuthenticationEntryPoint entryPoint(AuthRejection whenMissing) {
        return (exchange, error) -> reject(exchange, whenMissing);
    }

    /** A credential that does not authenticate; the manager's {@link AuthRejection} says why. */
    public ServerAuthenticationFailureHandler failureHandler(AuthRejection otherwise) {
        return (filterExchange, error) -> reject(filterExchange.getExchange(),
                error instanceof AuthRejection rejection ? rejection : otherwise);
    }

    /** Authenticated, but not allowed here. */
    public ServerAccessDeniedHandler accessDenied(AuthRejection rejection) {
        return (exchange, denied) -> reject(exchange, rejection);
    }

    /** The answer of paths no rule opens: as if nothing were there. */
    public static AuthRejection notServed() {
        return AuthRejection.of("no_rule", Problem.of(HttpStatus.NOT_FOUND,
                "Not Found", "Nothing is served at this path."));
    }
}
