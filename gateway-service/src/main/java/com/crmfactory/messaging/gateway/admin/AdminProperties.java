package com.crmfactory.messaging.gateway.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The admin API's key ({@code platform.admin.*}).
 *
 * @param apiKey the admin key ({@code PLATFORM_ADMIN_API_KEY}); when unset, a random one is generated
 *        at every start and printed once: fine for one local process, not for several replicas
 * @param apiKeyFile where to also write a generated admin key (optional)
 */
@ConfigurationProperties("platform.admin")
public record AdminProperties(String apiKey, String apiKeyFile) {
}
