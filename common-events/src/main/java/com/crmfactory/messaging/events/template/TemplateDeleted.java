package com.crmfactory.messaging.events.template;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * The template is gone. Published as a normal value (not a tombstone), so it survives compaction and a
 * consumer replaying the topic from the start learns about the deletion too.
 */
@EventPayload
public record TemplateDeleted(
        String orgId,
        String templateId,
        String key,
        Instant occurredAt) implements DomainEvent {

    public TemplateDeleted {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(templateId, "templateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
