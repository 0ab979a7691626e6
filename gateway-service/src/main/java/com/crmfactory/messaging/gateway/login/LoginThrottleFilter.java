package com.crmfactory.messaging.gateway.login;

import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * In the sign-in chain, before the form login: a {@code POST /login} for a throttled account or address is
 * refused (429) without its password being checked. Not a bean: as a bean it would run on every path.
 */
public final class LoginThrottleFilter implements WebFilter {

    private final LoginThrottle throttle;
    private final LoginResponses responses;

    public LoginThrottleFilter(LoginThrottle throttle, LoginResponses responses) {
        this.throttle = throttle;
        this.responses = responses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.POST || !"/login".equals(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        // the form data is cached by the exchange: the login filter reads it again
        return exchange.getFormData().flatMap(form -> throttle.blocked(form.getFirst(LoginResponses.USERNAME),
                LoginResponses.clientAddress(exchange)) ? responses.throttled(exchange) : chain.filter(exchange));
    }
}
