package com.crmfactory.messaging.gateway.admin;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;

import com.crmfactory.messaging.gateway.apikey.ApiKeyAuthenticator;
import com.crmfactory.messaging.gateway.security.AuthRejection;

import reactor.core.publisher.Mono;

/**
 * Authenticates {@code /admin/v1/**}: the admin key only. An org's API key is a real credential, just
 * not for this (403); anything else 401.
 */
public final class AdminAuthenticationManager implements ReactiveAuthenticationManager {

    static final String REALM = "admin";

    private final AdminKey adminKey;
    private final ApiKeyAuthenticator orgKeys;

    public AdminAuthenticationManager(AdminKey adminKey, ApiKeyAuthenticator orgKeys) {
        this.adminKey = adminKey;
        this.orgKeys = orgKeys;
    }

    public static AuthRejection missingKey() {
        return AuthRejection.unauthorized("missing_admin_key", REALM, "Missing admin key",
                "The admin API needs 'Authorization: Bearer <admin key>' (PLATFORM_ADMIN_API_KEY).");
    }

    public static AuthRejection orgKeyOnAdmin() {
        return AuthRejection.forbidden("org_key_on_admin", "Admin key required",
                "This is an org API key; the admin API needs the admin key.");
    }

    @Override
    public Mono<Authentication> authenticate(Authentication credential) {
        String presented = String.valueOf(credential.getCredentials());
        if (adminKey.matches(presented)) {
            return Mono.just(new AdminAuthentication());
        }
        return orgKeys.authenticate(presented).flatMap(orgKey -> Mono.error(orgKey.isPresent() ? orgKeyOnAdmin()
                : AuthRejection.unauthorized("invalid_admin_key", REALM, "Invalid admin key", "The admin key is wrong.")));
    }
}
