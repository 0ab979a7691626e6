package com.crmfactory.messaging.gateway.admin;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The admin key was presented: the platform operator, acting for no org. */
public final class AdminAuthentication extends AbstractAuthenticationToken {

    /** The authority of the admin key; {@code /admin/v1/**} requires it. */
    public static final String AUTHORITY = "PLATFORM_ADMIN";

    AdminAuthentication() {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        setAuthenticated(true);
    }

    @Override
    public Object getPrincipal() {
        return "platform-admin";
    }

    @Override
    public Object getCredentials() {
        return null;
    }
}
