package com.crmfactory.messaging.gateway.login;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import com.crmfactory.messaging.gateway.agent.AgentUser;

import reactor.core.publisher.Mono;

/**
 * An agent's e-mail and password, checked by Spring Security's user-details manager (unknown e-mail, wrong
 * password, disabled agent or suspended org: refused); the session then keeps the agent without its hash.
 */
public final class AgentAuthenticationManager implements ReactiveAuthenticationManager {

    private final ReactiveAuthenticationManager checks;

    AgentAuthenticationManager(ReactiveAuthenticationManager checks) {
        this.checks = checks;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication credentials) {
        return checks.authenticate(credentials).map(authenticated -> {
            AgentUser agent = ((AgentUser) authenticated.getPrincipal()).withoutPassword();
            return UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities());
        });
    }
}
