package com.crmfactory.messaging.gateway.agent;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in agent, as Spring Security sees it: the principal of a web-inbox session. It acts for
 * {@link #orgId()} and no other org. Once signed in the password hash is dropped ({@link #withoutPassword()}).
 */
public final class AgentUser implements UserDetails {

    /** Every signed-in agent has it; {@code /api/v1/**} accepts it beside an org API key. */
    public static final String AUTHORITY = "AGENT";
    /** Org admins also have it: they manage the org's agents. */
    public static final String ADMIN_AUTHORITY = "AGENT_ADMIN";

    private final UUID agentId;
    private final String orgId;
    private final String email;
    private final String displayName;
    private final AgentRole role;
    private final String passwordHash;
    private final boolean enabled;

    AgentUser(Agent agent, boolean orgActive) {
        this(agent.id(), agent.orgId(), agent.email(), agent.displayName(), agent.role(), agent.passwordHash(),
                agent.enabled() && orgActive);
    }

    private AgentUser(UUID agentId, String orgId, String email, String displayName, AgentRole role, String passwordHash,
            boolean enabled) {
        this.agentId = agentId;
        this.orgId = orgId;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public AgentUser withoutPassword() {
        return new AgentUser(agentId, orgId, email, displayName, role, null, enabled);
    }

    public UUID agentId() {
        return agentId;
    }

    public String orgId() {
        return orgId;
    }

    public String displayName() {
        return displayName;
    }

    public AgentRole role() {
        return role;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return role == AgentRole.ADMIN
                ? List.of(new SimpleGrantedAuthority(AUTHORITY), new SimpleGrantedAuthority(ADMIN_AUTHORITY))
                : List.of(new SimpleGrantedAuthority(AUTHORITY));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "AgentUser[" + agentId + "]";
    }
}
