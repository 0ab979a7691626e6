package com.crmfactory.messaging.gateway.apikey;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.gateway.web.Blocking;
import com.crmfactory.messaging.gateway.web.PageView;

import reactor.core.publisher.Mono;

/** Admin API for an org's API keys. */
@RestController
@RequestMapping("/admin/v1/orgs/{orgId}/api-keys")
class ApiKeyAdminController {

    private final ApiKeyService keys;

    ApiKeyAdminController(ApiKeyService keys) {
        this.keys = keys;
    }

    /** The body is optional: {@code {}} or nothing issues an unnamed key with the default rate limit. */
    @PostMapping
    Mono<ResponseEntity<ApiKeyViews.Issued>> issue(@PathVariable String orgId,
            @RequestBody(required = false) ApiKeyViews.CreateRequest request) {
        ApiKeyViews.CreateRequest body = request == null ? new ApiKeyViews.CreateRequest(null, null, null) : request;
        return Blocking.call(() -> keys.issue(orgId, body)).map(issued -> ResponseEntity
                .created(URI.create("/admin/v1/orgs/" + orgId + "/api-keys/" + issued.id()))
                // the key is in this body only: no cache may keep it
                .header("Cache-Control", "no-store")
                .body(issued));
    }

    /** An org has a handful of keys: given whole, in the page shape of every list. */
    @GetMapping
    Mono<PageView<ApiKeyViews.Listed>> list(@PathVariable String orgId) {
        return Blocking.call(() -> PageView.whole(keys.list(orgId)));
    }

    @DeleteMapping("/{keyId}")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String orgId, @PathVariable String keyId) {
        return Blocking.run(() -> keys.revoke(orgId, keyId)).thenReturn(ResponseEntity.noContent().build());
    }
}
