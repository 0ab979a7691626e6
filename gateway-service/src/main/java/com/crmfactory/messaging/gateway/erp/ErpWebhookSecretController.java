package com.crmfactory.messaging.gateway.erp;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.gateway.web.Blocking;

import reactor.core.publisher.Mono;

/** Admin API: an org's ERP webhook secret and how to sign with it (the admin key is checked by the admin chain). */
@RestController
class ErpWebhookSecretController {

    private final ErpWebhookSecretService secrets;

    ErpWebhookSecretController(ErpWebhookSecretService secrets) {
        this.secrets = secrets;
    }

    @GetMapping("/admin/v1/orgs/{orgId}/erp-webhook-secret")
    Mono<ResponseEntity<ErpWebhookSecretView>> show(@PathVariable String orgId) {
        return Blocking.call(() -> secrets.secretOf(orgId))
                .map(view -> ResponseEntity.ok().header("Cache-Control", "no-store").body(view));
    }
}
