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

import com.crmfactory.messaging.gateway.agent.AgentUser;
import com.crmfactory.messaging.gateway.auth.ApiKeyAuthentication;
import com.crmfactory.messaging.support.web.OrgContext;
import com.crmfactory.messaging.support.web.OrgContextToken;

import reactor.core.publisher.Mono;

/**
 * Hands the service the caller's org once routing has chosen the service: an {@code X-Org-Context} signed
 * for that service alone (the route's {@code audience} metadata, its {@code spring.application.name}), in
 * place of the {@code Authorization} header and the cookies, which never travel past the gateway. The org is the one of
 * the authenticated API key or signed-in agent, from the security context, never anything the client sent; a
 * signed-in agent's requests carry the agent too (a v3 token), for assignment, "mine" and who replied.
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
                .filter(authentication -> authentication instanceof ApiKeyAuthentication
                        || authentication.getPrincipal() instanceof AgentUser)
                .map(authentication -> Optional.of(token(route, authentication)))
                .defaultIfEmpty(Optional.empty())
                .flatMap(token -> chain.filter(exchange.mutate().request(request -> request.headers(headers -> {
                    headers.remove(HttpHeaders.AUTHORIZATION);
                    // the agent's session and CSRF cookies are the gateway's credentials: they never travel on either
                    headers.remove(HttpHeaders.COOKIE);
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
        if (authentication.getPrincipal() instanceof AgentUser agent) {
            return orgContext.signForAgent(agent.orgId(), agent.agentId().toString(), service);
        }
        return orgContext.sign(((ApiKeyAuthentication) authentication).getPrincipal().orgId(), service);
    }
}
