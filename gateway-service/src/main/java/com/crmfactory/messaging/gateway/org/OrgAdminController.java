package com.crmfactory.messaging.gateway.org;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.gateway.web.Blocking;
import com.crmfactory.messaging.gateway.web.PageView;
import com.crmfactory.messaging.gateway.web.Paging;

import reactor.core.publisher.Mono;

/** Admin API for orgs (the admin key is checked by {@code AdminAuthenticationFilter}). */
@RestController
@RequestMapping("/admin/v1/orgs")
class OrgAdminController {

    private final OrgService orgs;

    OrgAdminController(OrgService orgs) {
        this.orgs = orgs;
    }

    @PostMapping
    Mono<ResponseEntity<OrgView>> create(@RequestBody OrgRequests.Create request) {
        return Blocking.call(() -> orgs.create(request))
                .map(org -> ResponseEntity.created(URI.create("/admin/v1/orgs/" + org.id())).body(org));
    }

    @GetMapping
    Mono<PageView<OrgView>> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageView.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        return Blocking.call(() -> orgs.list(page, size));
    }

    @GetMapping("/{orgId}")
    Mono<OrgView> get(@PathVariable String orgId) {
        return Blocking.call(() -> orgs.get(orgId));
    }

    /** Issues (or replaces) the org's inbound e-mail webhook token, shown this once. */
    @PostMapping("/{orgId}/email-inbound-token")
    Mono<ResponseEntity<OrgRequests.EmailToken>> issueEmailToken(@PathVariable String orgId) {
        return Blocking.call(() -> orgs.issueEmailToken(orgId)).map(token -> ResponseEntity.status(201)
                .header("Cache-Control", "no-store").body(token));
    }

    @PatchMapping("/{orgId}")
    Mono<OrgView> update(@PathVariable String orgId, @RequestBody OrgRequests.Update request) {
        return Blocking.call(() -> orgs.update(orgId, request));
    }
}
