package com.crmfactory.messaging.gateway.auth;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Removes every client-sent {@code X-Org-*} / {@code X-Tenant-*} header from every request (API, webhooks,
 * admin), right behind the firewall and the security chains and before routing: a client never chooses
 * its org, its API key does.
 */
@Component
@Order(OrgHeaderStripping.ORDER)
public class OrgHeaderStripping implements WebFilter {

    /** Just after Spring Security's filter chain proxy (order -100, WebFluxSecurityConfiguration), so after the firewall. */
    static final int ORDER = -100 + 1;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!OrgHeaders.anyIn(exchange.getRequest().getHeaders())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(request -> request.headers(OrgHeaders::strip)).build());
    }
}
