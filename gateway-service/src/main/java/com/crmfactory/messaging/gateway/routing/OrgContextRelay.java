package com.crmfactory.messaging.gateway.routing;

import java.util.Optional;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.crmfactory.messaging.gateway.auth.ApiKeyAuthentication;
import com.crmfactory.messaging.support.web.OrgContext;
import com.crmfactory.messaging.support.web.OrgContextToken;

import reactor.core.publisher.Mono;

/**
 * Hands the service the caller's org once routing has chosen the service: an {@code X-Org-Context} signed
 * for that service alone (the route's {@code audience} metadata, its {@code spring.application.name}), in
 * place of the {@code Authorization} header, which never travels past the gateway. The org is the one of
 * the authenticated API key, from the security context, never anything the client sent.
 */
@Component
public class OrgContextRelay implements GlobalFilter, Ordered {

    /** The route metadata key naming the target service. */
    public static final String AUDIENCE = "audience";

    private final OrgContextToken orgContext;

    public OrgContextRelay(OrgContextToken orgContext) {
        this.orgContext = orgContext;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(ApiKeyAuthentication.class::isInstance)
                .map(authentication -> Optional.of(token(route, authentication)))
                .defaultIfEmpty(Optional.empty())
                .flatMap(token -> chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
                    headers.remove(HttpHeaders.AUTHORIZATION);
                    headers.remove(OrgContext.HEADER);
                    token.ifPresent(signed -> headers.set(OrgContext.HEADER, signed));
                })).build()));
    }

    private String token(Route route, Authentication authentication) {
        Object audience = route.getMetadata().get(AUDIENCE);
        if (!(audience instanceof String service) || service.isBlank()) {
            // fail closed: an authenticated route without a target audience is a configuration error
            throw new IllegalStateException("route '" + route.getId() + "' has no 'audience' metadata");
        }
        return orgContext.sign(((ApiKeyAuthentication) authentication).getPrincipal().orgId(), service);
    }
}
