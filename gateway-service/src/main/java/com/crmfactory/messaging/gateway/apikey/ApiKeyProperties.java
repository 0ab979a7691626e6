package com.crmfactory.messaging.gateway.apikey;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API-key lookups ({@code platform.gateway.api-keys.*}).
 *
 * @param cacheTtl how long a lookup (found or not) is reused before the database is asked again; also
 *        how long another replica may still accept a key revoked (or an org suspended) elsewhere
 * @param cacheSize most lookups kept
 */
@ConfigurationProperties("platform.gateway.api-keys")
public record ApiKeyProperties(@DefaultValue("30s") Duration cacheTtl, @DefaultValue("10000") long cacheSize) {
}
