package com.crmfactory.messaging.events.tenant;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.SenderNumber;
import com.crmfactory.messaging.events.common.TenantSettings;
import com.crmfactory.messaging.events.common.TenantStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The full current state of an org (compacted topic, key = org id): its sender numbers (inbound routing
 * by {@code To}, outbound sender choice) and settings. Never carries API keys or other secrets.
 */
@EventPayload
public record TenantUpserted(
        String orgId,
        String name,
        TenantStatus status,
        List<SenderNumber> senderNumbers,
        TenantSettings settings,
        Instant occurredAt) implements DomainEvent {

    public TenantUpserted {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(name, "name");
        Objects.requireNonNull(status, "status");
        senderNumbers = Checks.listOf(senderNumbers);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
