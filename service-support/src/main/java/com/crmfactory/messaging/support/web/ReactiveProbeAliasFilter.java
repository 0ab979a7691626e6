package com.crmfactory.messaging.support.web;

import java.net.InetSocketAddress;

import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Reactive services (the gateway): {@code /actuator/health/liveness|readiness} on the public port answer as
 * {@code /livez|/readyz}. Last of the filters, so that every other one (security included) sees the public
 * path. WebFlux applies the application's filters on the management port too, where actuator serves the
 * probes at their own paths: there the request is left alone.
 */
public class ReactiveProbeAliasFilter implements WebFilter, Ordered {

    private final Environment environment;

    public ReactiveProbeAliasFilter(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String target = ProbePaths.target(exchange.getRequest().getPath().pathWithinApplication().value());
        if (target == null || !onTheMainServer(exchange)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(request -> request.path(target)).build());
    }

    private boolean onTheMainServer(ServerWebExchange exchange) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        Integer serverPort = environment.getProperty("local.server.port", Integer.class);
        return local == null || serverPort == null || local.getPort() == serverPort;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
