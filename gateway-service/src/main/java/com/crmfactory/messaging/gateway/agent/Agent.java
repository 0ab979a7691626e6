package com.crmfactory.messaging.gateway.agent;

import java.time.Instant;
import java.util.UUID;

/** A row of the {@code agent} table. {@code passwordHash} is a DelegatingPasswordEncoder hash, never a password. */
public record Agent(UUID id, String orgId, String email, String displayName, AgentRole role, String passwordHash,
        Instant createdAt, Instant disabledAt) {

    public boolean enabled() {
        return disabledAt == null;
    }
}
