package com.crmfactory.messaging.gateway.org;

import java.time.Instant;
import java.util.List;

import com.crmfactory.messaging.events.common.TenantSettings;
import com.crmfactory.messaging.events.common.TenantStatus;

/** An org as the admin API shows it: never any key material. */
public record OrgView(String id, String name, TenantStatus status, TenantSettings settings, List<NumberView> numbers,
        Instant createdAt, Instant updatedAt) {

    static OrgView of(Org org, List<NumberView> numbers) {
        return new OrgView(org.id(), org.name(), org.status(), org.settings(), numbers, org.createdAt(), org.updatedAt());
    }
}
