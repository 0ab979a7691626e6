package com.crmfactory.messaging.gateway.org;

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

/** Admin API for an org's sender numbers. */
@RestController
@RequestMapping("/admin/v1/orgs/{orgId}/numbers")
class OrgNumberAdminController {

    private final OrgNumberService numbers;

    OrgNumberAdminController(OrgNumberService numbers) {
        this.numbers = numbers;
    }

    @PostMapping
    Mono<ResponseEntity<NumberView>> add(@PathVariable String orgId, @RequestBody AddNumberRequest request) {
        return Blocking.call(() -> numbers.add(orgId, request)).map(number -> ResponseEntity
                .created(URI.create("/admin/v1/orgs/" + orgId + "/numbers/" + number.id())).body(number));
    }

    /** An org has a handful of numbers: given whole, in the page shape of every list. */
    @GetMapping
    Mono<PageView<NumberView>> list(@PathVariable String orgId) {
        return Blocking.call(() -> PageView.whole(numbers.list(orgId)));
    }

    @DeleteMapping("/{numberId}")
    Mono<ResponseEntity<Void>> remove(@PathVariable String orgId, @PathVariable String numberId) {
        return Blocking.run(() -> numbers.remove(orgId, numberId)).thenReturn(ResponseEntity.noContent().build());
    }
}
