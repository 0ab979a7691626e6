package com.crmfactory.messaging.support.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway and the services agree on the caller's org ({@code platform.org-context.*}).
 *
 * @param secret HMAC secret shared by the gateway and every service ({@code PLATFORM_ORG_CONTEXT_SECRET}); it
 *        signs and is accepted. Required: only the {@code local} profile falls back to {@link #DEVELOPMENT_SECRET}
 * @param additionalSecrets secrets accepted besides it, never used to sign
 *        ({@code PLATFORM_ORG_CONTEXT_ADDITIONAL_SECRETS}, comma-separated): the old or the next secret while
 *        the secret is rotated
 * @param ttl how long a token the gateway signed stays valid
 */
@ConfigurationProperties("platform.org-context")
public record OrgContextProperties(String secret, @DefaultValue List<String> additionalSecrets,
        @DefaultValue("60s") Duration ttl) {

    /** The secret of the {@code local} profile (devstack, tests): never accepted outside it. */
    public static final String DEVELOPMENT_SECRET = "local-development-org-context-secret";

    public boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }
}
