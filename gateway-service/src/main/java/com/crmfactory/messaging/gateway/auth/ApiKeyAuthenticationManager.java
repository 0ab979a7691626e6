package com.crmfactory.messaging.gateway.auth;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;

import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.gateway.admin.AdminKey;
import com.crmfactory.messaging.gateway.apikey.ApiKeyAuthenticator;
import com.crmfactory.messaging.gateway.security.AuthRejection;

import reactor.core.publisher.Mono;

/**
 * Authenticates {@code /api/v1/**}: only an org API key of an active org. The admin key is refused
 * here (403): it administers orgs, it acts for none.
 */
public final class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

    static final String REALM = "api";

    private final ApiKeyAuthenticator keys;
    private final AdminKey adminKey;

    public ApiKeyAuthenticationManager(ApiKeyAuthenticator keys, AdminKey adminKey) {
        this.keys = keys;
        this.adminKey = adminKey;
    }

    public static AuthRejection missingKey() {
        return AuthRejection.unauthorized("missing_key", REALM, "Missing API key",
                "Send the org's API key as 'Authorization: Bearer <key>'.");
    }

    public static AuthRejection invalidKey() {
        return AuthRejection.unauthorized("invalid_key", REALM, "Invalid API key", "The API key is unknown or revoked.");
    }

    @Override
    public Mono<Authentication> authenticate(Authentication credential) {
        String presented = String.valueOf(credential.getCredentials());
        if (adminKey.matches(presented)) {
            return Mono.error(AuthRejection.forbidden("admin_key_on_api", "Org API key required",
                    "This is the admin key; /api/v1 needs an org's API key."));
        }
        return keys.authenticate(presented).flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.error(invalidKey());
            }
            if (found.get().orgStatus() == TenantStatus.SUSPENDED) {
                return Mono.error(AuthRejection.forbidden("org_suspended", "Organisation suspended",
                        "This API key's organisation is suspended."));
            }
            return Mono.just(new ApiKeyAuthentication(found.get()));
        });
    }
}
