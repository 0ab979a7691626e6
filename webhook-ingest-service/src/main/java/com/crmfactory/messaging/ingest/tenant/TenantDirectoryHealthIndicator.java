package com.crmfactory.messaging.ingest.tenant;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness ({@code tenantDirectory}, in the readiness group only, never liveness): DOWN until
 * {@code platform.tenants.v1} has been read to its end. Until then an unknown number might just not be
 * loaded yet, and answering Twilio 404 would drop that message for good, so no traffic should come
 * here; a webhook that still arrives gets 503, which Twilio may retry.
 */
@Component
class TenantDirectoryHealthIndicator extends AbstractHealthIndicator {

    private final TenantDirectory directory;

    TenantDirectoryHealthIndicator(TenantDirectory directory) {
        super("Tenant directory check failed");
        this.directory = directory;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        (directory.isLoaded() ? builder.up() : builder.down().withDetail("reason", "loading platform.tenants.v1"))
                .withDetail("orgs", directory.tenantCount())
                .withDetail("senders", directory.senderCount());
    }
}
