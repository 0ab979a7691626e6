package com.crmfactory.messaging.gateway.agent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.gateway.org.OrgRepository;
import com.crmfactory.messaging.gateway.web.InvalidFieldsException;
import com.crmfactory.messaging.support.web.ConflictException;
import com.crmfactory.messaging.support.web.NotFoundException;

/** Creates and lists an org's agents; finds the one signing in. Passwords are hashed by the delegating encoder. */
@Service
public class AgentService {

    static final int MIN_PASSWORD = 12;
    /** bcrypt reads 72 bytes at most: a longer password would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_NAME = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{2,63}");

    private final AgentRepository agents;
    private final OrgRepository orgs;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public AgentService(AgentRepository agents, OrgRepository orgs, PasswordEncoder passwords, Clock clock) {
        this.agents = agents;
        this.orgs = orgs;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public AgentViews.View create(String orgId, AgentViews.CreateRequest request) {
        AgentRole role = request.role() == null ? AgentRole.AGENT : AgentRole.of(request.role()).orElse(null);
        String password = request.password();
        new InvalidFieldsException.Collector()
                .check(request.email() != null && EMAIL.matcher(request.email().strip()).matches(), "email",
                        "must be an e-mail address")
                .check(request.displayName() != null && !request.displayName().isBlank()
                        && request.displayName().strip().length() <= MAX_NAME, "displayName",
                        "is required, at most " + MAX_NAME + " characters")
                .check(role != null, "role", "must be 'admin' or 'agent'")
                .check(password != null && password.length() >= MIN_PASSWORD
                        && password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES, "password",
                        "must have " + MIN_PASSWORD + " to " + MAX_PASSWORD_BYTES + " bytes")
                .throwIfAny();
        if (!orgs.exists(orgId)) {
            throw new NotFoundException("Org", orgId);
        }
        String email = request.email().strip();
        if (agents.emailTaken(email)) {
            throw new ConflictException("An agent with this e-mail exists");
        }
        Agent agent = new Agent(UUID.randomUUID(), orgId, email, request.displayName().strip(), role,
                passwords.encode(password), clock.instant(), null);
        try {
            agents.insert(agent);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("An agent with this e-mail exists");
        }
        return AgentViews.View.of(agent);
    }

    @Transactional(readOnly = true)
    public List<AgentViews.View> list(String orgId) {
        if (!orgs.exists(orgId)) {
            throw new NotFoundException("Org", orgId);
        }
        return agents.findByOrg(orgId).stream().map(AgentViews.View::of).toList();
    }

    @Transactional(readOnly = true)
    public List<AgentViews.Colleague> colleagues(String orgId) {
        return agents.findByOrg(orgId).stream().map(AgentViews.Colleague::of).toList();
    }

    /** The account signing in with this e-mail; disabled when the agent or its org is. */
    @Transactional(readOnly = true)
    public Optional<AgentUser> forSignIn(String email) {
        return agents.findForSignIn(email).map(found -> new AgentUser(found.agent(), found.orgActive()));
    }
}
