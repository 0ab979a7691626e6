package com.crmfactory.messaging.gateway.agent;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.crmfactory.messaging.gateway.web.Blocking;
import com.crmfactory.messaging.gateway.web.PageView;

import reactor.core.publisher.Mono;

/**
 * The signed-in agent's own view of its org ({@code /api/v1/me}, {@code /api/v1/agents}): who am I, who are my
 * colleagues (names on assignments and replies), and, for an org admin, new agents. Agent sessions only: an
 * API key has no "me" (403).
 */
@RestController
class OrgAgentsController {

    private final AgentService agents;

    OrgAgentsController(AgentService agents) {
        this.agents = agents;
    }

    @GetMapping("/api/v1/me")
    AgentViews.Me me(@AuthenticationPrincipal Object principal) {
        return AgentViews.Me.of(agent(principal));
    }

    @GetMapping("/api/v1/agents")
    Mono<PageView<AgentViews.Colleague>> colleagues(@AuthenticationPrincipal Object principal) {
        AgentUser me = agent(principal);
        return Blocking.call(() -> PageView.whole(agents.colleagues(me.orgId())));
    }

    /** Org admins only; the agent is created in the admin's own org, whatever the body says. */
    @PostMapping("/api/v1/agents")
    Mono<ResponseEntity<AgentViews.View>> create(@AuthenticationPrincipal Object principal,
            @RequestBody AgentViews.CreateRequest request) {
        AgentUser me = agent(principal);
        if (me.role() != AgentRole.ADMIN) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only an org admin creates agents.");
        }
        return Blocking.call(() -> agents.create(me.orgId(), request))
                .map(agent -> ResponseEntity.created(URI.create("/api/v1/agents/" + agent.id())).body(agent));
    }

    private static AgentUser agent(Object principal) {
        if (principal instanceof AgentUser user) {
            return user;
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This endpoint is for signed-in agents (the web inbox).");
    }

    static List<String> paths() {
        return List.of("/api/v1/me", "/api/v1/agents");
    }
}
