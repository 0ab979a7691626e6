package com.crmfactory.messaging.gateway.agent;

import java.util.Locale;
import java.util.Optional;

/** What an agent may do: {@code admin} also manages the org's agents; both work the inbox. */
public enum AgentRole {
    ADMIN, AGENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AgentRole> of(String wire) {
        for (AgentRole role : values()) {
            if (role.wire().equals(wire)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
