package com.crmfactory.messaging.gateway.login;

import java.net.InetSocketAddress;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.crmfactory.messaging.gateway.agent.AgentUser;
import com.crmfactory.messaging.gateway.agent.AgentViews;
import com.crmfactory.messaging.gateway.web.Problem;
import com.crmfactory.messaging.gateway.web.ProblemWriter;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code POST /login} and {@code POST /logout} answer: JSON for the web inbox's script, never a redirect.
 * A failed sign-in says the same whatever was wrong (unknown e-mail, wrong password, disabled account), and is
 * counted by the {@link LoginThrottle}.
 */
@Component
public class LoginResponses {

    static final String USERNAME = "username";

    private final ProblemWriter problems;
    private final JsonMapper json;
    private final LoginThrottle throttle;
    private final MeterRegistry meters;

    LoginResponses(ProblemWriter problems, JsonMapper json, LoginThrottle throttle, MeterRegistry meters) {
        this.problems = problems;
        this.json = json;
        this.throttle = throttle;
        this.meters = meters;
    }

    public ServerAuthenticationSuccessHandler success() {
        return (filterExchange, authentication) -> {
            AgentUser agent = (AgentUser) authentication.getPrincipal();
            throttle.succeeded(agent.getUsername());
            meters.counter("gateway.logins", "outcome", "success").increment();
            return writeJson(filterExchange.getExchange(), HttpStatus.OK, AgentViews.Me.of(agent));
        };
    }

    public ServerAuthenticationFailureHandler failure() {
        return (WebFilterExchange filterExchange, org.springframework.security.core.AuthenticationException error) -> {
            ServerWebExchange exchange = filterExchange.getExchange();
            meters.counter("gateway.logins", "outcome", "failure").increment();
            return exchange.getFormData().flatMap(form -> {
                throttle.failed(form.getFirst(USERNAME), clientAddress(exchange));
                return problems.write(exchange, Problem.of(HttpStatus.UNAUTHORIZED, "Sign-in failed",
                        "Wrong e-mail or password."));
            });
        };
    }

    public ServerLogoutSuccessHandler loggedOut() {
        return (filterExchange, authentication) -> {
            ServerHttpResponse response = filterExchange.getExchange().getResponse();
            response.setStatusCode(HttpStatus.NO_CONTENT);
            return response.setComplete();
        };
    }

    Mono<Void> throttled(ServerWebExchange exchange) {
        meters.counter("gateway.logins", "outcome", "throttled").increment();
        return problems.write(exchange, Problem.of(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                "Too many failed sign-ins for this account or address. Retry later.")
                .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttle.retryAfterSeconds())));
    }

    private Mono<Void> writeJson(ServerWebExchange exchange, HttpStatus status, Object body) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setCacheControl("no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(body))));
    }

    static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
