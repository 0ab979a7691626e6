package com.crmfactory.messaging.gateway.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;


import reactor.core.publisher.Mono;

/** A presented {@code Authorization: Bearer} value, not yet authenticated. Its text is never logged. */
public final class BearerCredential extends AbstractAuthenticationToken {

    private final String token;

    private BearerCredential(String token) {
        super(List.of());
        this.token = token;
        setAuthenticated(false);
    }

    /** Reads the bearer token of a request; none (or another scheme) → empty, so the entry point answers. */
    public static ServerAuthenticationConverter converter() {
        return exchange -> Mono.justOrEmpty(BearerToken.from(exchange.getRequest())).map(BearerCredential::new);
    }

    @Override
    public String getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return "bearer";
    }

    @Override
    public String toString() {
        return "BearerCredential[redacted]";
    }
}
