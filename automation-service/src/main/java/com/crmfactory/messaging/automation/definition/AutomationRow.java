package com.crmfactory.messaging.automation.definition;

import java.time.Instant;
import java.util.UUID;

/** An automation as stored: its current version's definition JSON and its state. */
public record AutomationRow(UUID id, String orgId, String name, boolean enabled, int version, String definition,
        Instant createdAt, Instant updatedAt) {
}
