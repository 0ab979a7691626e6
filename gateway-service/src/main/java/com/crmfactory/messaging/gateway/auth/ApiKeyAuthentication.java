package com.crmfactory.messaging.gateway.auth;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.crmfactory.messaging.gateway.apikey.ApiKeyPrincipal;

/** An authenticated org API key: the request acts for {@link ApiKeyPrincipal#orgId()} and no other org. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    /** The authority of an org API key; {@code /api/v1/**} requires it. */
    public static final String AUTHORITY = "ORG_API_KEY";

    private final ApiKeyPrincipal principal;

    public ApiKeyAuthentication(ApiKeyPrincipal principal) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public ApiKeyPrincipal getPrincipal() {
        return principal;
    }

    /** The key itself is not kept once authenticated. */
    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return principal.keyId().toString();
    }
}
