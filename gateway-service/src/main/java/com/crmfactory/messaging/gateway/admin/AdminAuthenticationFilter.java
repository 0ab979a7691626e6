package com.crmfactory.messaging.gateway.admin;

import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.crmfactory.messaging.gateway.apikey.ApiKeyAuthenticator;
import com.crmfactory.messaging.gateway.auth.ApiKeyAuthenticationFilter;
import com.crmfactory.messaging.gateway.auth.BearerToken;
import com.crmfactory.messaging.gateway.web.Problem;
import com.crmfactory.messaging.gateway.web.ProblemWriter;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Guards {@code /admin/**} with the admin key. No key or an unknown one: 401. An org's API key: 403
 * (it is a valid credential, just not for this).
 */
@Component
public class AdminAuthenticationFilter implements WebFilter, Ordered {

    static final String ADMIN = "/admin";

    private final AdminKey adminKey;
    private final ApiKeyAuthenticator orgKeys;
    private final ProblemWriter problems;
    private final MeterRegistry meters;

    public AdminAuthenticationFilter(AdminKey adminKey, ApiKeyAuthenticator orgKeys, ProblemWriter problems,
            MeterRegistry meters) {
        this.adminKey = adminKey;
        this.orgKeys = orgKeys;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return ApiKeyAuthenticationFilter.ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.equals(ADMIN) && !path.startsWith(ADMIN + "/")) {
            return chain.filter(exchange);
        }
        Optional<String> key = BearerToken.from(exchange.getRequest());
        if (key.isEmpty()) {
            return reject(exchange, "missing_admin_key", unauthorized("Missing admin key",
                    "The admin API needs 'Authorization: Bearer <admin key>' (PLATFORM_ADMIN_API_KEY)."));
        }
        if (adminKey.matches(key.get())) {
            return chain.filter(exchange);
        }
        return orgKeys.authenticate(key.get()).flatMap(orgKey -> orgKey.isPresent()
                ? reject(exchange, "org_key_on_admin", Problem.of(HttpStatus.FORBIDDEN, "Admin key required",
                        "This is an org API key; the admin API needs the admin key."))
                : reject(exchange, "invalid_admin_key", unauthorized("Invalid admin key", "The admin key is wrong.")));
    }

    private Mono<Void> reject(ServerWebExchange exchange, String reason, Problem problem) {
        meters.counter("gateway.auth.rejected", "reason", reason).increment();
        return problems.write(exchange, problem);
    }

    private static Problem unauthorized(String title, String detail) {
        return Problem.of(HttpStatus.UNAUTHORIZED, title, detail)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"admin\"");
    }
}
