package com.crmfactory.messaging.gateway.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The admin API's key ({@code platform.admin.*}).
 *
 * @param apiKey the admin key ({@code PLATFORM_ADMIN_API_KEY}, at least 16 characters); when unset the admin
 *        API is disabled (every {@code /admin/v1/**} request answers 503). Never generated: a generated key
 *        would have to be logged, and would differ between replicas
 */
@ConfigurationProperties("platform.admin")
public record AdminProperties(String apiKey) {
}
