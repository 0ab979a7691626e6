package com.crmfactory.messaging.support.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway and the services agree on the caller's org ({@code platform.org-context.*}).
 *
 * @param secret HMAC secret shared by the gateway and every service ({@code PLATFORM_ORG_CONTEXT_SECRET});
 *        the default is for local development only
 * @param ttl how long a token the gateway signed stays valid
 */
@ConfigurationProperties("platform.org-context")
public record OrgContextProperties(@DefaultValue(DEVELOPMENT_SECRET) String secret, @DefaultValue("60s") Duration ttl) {

    public static final String DEVELOPMENT_SECRET = "local-development-org-context-secret";

    public boolean usesDevelopmentSecret() {
        return DEVELOPMENT_SECRET.equals(secret);
    }
}
