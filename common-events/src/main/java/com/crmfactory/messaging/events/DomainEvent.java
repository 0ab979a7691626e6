package com.crmfactory.messaging.events;

import java.time.Instant;

/**
 * Marker of every event record that goes on a topic. All of them are tenant-scoped and timestamped,
 * so plumbing (outbox, headers) can fill {@code org_id} and {@code ce_time} without knowing the type.
 */
public interface DomainEvent {

    String orgId();

    /** When the fact happened (not when it was published). */
    Instant occurredAt();
}
