package com.crmfactory.messaging.gateway.agent;

import java.time.Instant;
import java.util.UUID;

/** The agent API's bodies. A password goes in, never out. */
public final class AgentViews {

    private AgentViews() {
    }

    /** {@code role}: {@code admin} or {@code agent} (default). */
    public record CreateRequest(String email, String displayName, String role, String password) {
    }

    public record View(UUID id, String orgId, String email, String displayName, String role, Instant createdAt,
            boolean enabled) {

        static View of(Agent agent) {
            return new View(agent.id(), agent.orgId(), agent.email(), agent.displayName(), agent.role().wire(),
                    agent.createdAt(), agent.enabled());
        }
    }

    /** What any agent of the org sees of a colleague (names on assignments and replies). */
    public record Colleague(UUID id, String displayName, String role) {

        static Colleague of(Agent agent) {
            return new Colleague(agent.id(), agent.displayName(), agent.role().wire());
        }
    }

    /** The signed-in agent ({@code GET /api/v1/me}). */
    public record Me(UUID id, String orgId, String email, String displayName, String role) {

        public static Me of(AgentUser user) {
            return new Me(user.agentId(), user.orgId(), user.getUsername(), user.displayName(), user.role().wire());
        }
    }
}
