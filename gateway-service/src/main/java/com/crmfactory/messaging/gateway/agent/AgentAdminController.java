package com.crmfactory.messaging.gateway.agent;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.gateway.web.Blocking;
import com.crmfactory.messaging.gateway.web.PageView;

import reactor.core.publisher.Mono;

/** Admin API for an org's agent accounts (web inbox sign-in). */
@RestController
@RequestMapping("/admin/v1/orgs/{orgId}/agents")
class AgentAdminController {

    private final AgentService agents;

    AgentAdminController(AgentService agents) {
        this.agents = agents;
    }

    @PostMapping
    Mono<ResponseEntity<AgentViews.View>> create(@PathVariable String orgId, @RequestBody AgentViews.CreateRequest request) {
        return Blocking.call(() -> agents.create(orgId, request)).map(agent -> ResponseEntity
                .created(URI.create("/admin/v1/orgs/" + orgId + "/agents/" + agent.id())).body(agent));
    }

    @GetMapping
    Mono<PageView<AgentViews.View>> list(@PathVariable String orgId) {
        return Blocking.call(() -> PageView.whole(agents.list(orgId)));
    }
}
