package com.crmfactory.messaging.ingest.erp;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ERP order-status webhook ({@code platform.erp-webhook.*}).
 *
 * @param secret            the master secret every org's secret is derived from ({@code PLATFORM_ERP_WEBHOOK_SECRET},
 *                          shared with the gateway, which shows orgs their secret); unset: the webhook answers 503
 * @param additionalSecrets masters also accepted, never shown ({@code PLATFORM_ERP_WEBHOOK_ADDITIONAL_SECRETS},
 *                          comma-separated): the old one while the master is rotated
 * @param maxClockSkew      a request whose {@code X-Timestamp} is further than this from now is refused (replay)
 */
@ConfigurationProperties("platform.erp-webhook")
public record ErpWebhookProperties(String secret, @DefaultValue List<String> additionalSecrets,
        @DefaultValue("5m") Duration maxClockSkew) {

    /** Every master a signature may be checked with: the current one first, blanks left out. */
    List<String> masters() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(secret), additionalSecrets.stream())
                .filter(value -> value != null && !value.isBlank()).map(String::strip).toList();
    }

    boolean configured() {
        return secret != null && !secret.isBlank();
    }
}
