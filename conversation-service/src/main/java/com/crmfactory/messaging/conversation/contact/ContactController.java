package com.crmfactory.messaging.conversation.contact;

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

import com.crmfactory.messaging.conversation.web.PageResponse;
import com.crmfactory.messaging.support.web.OrgContext;

import jakarta.validation.Valid;

/** {@code /api/v1/contacts}: the org's contacts ({@code GET /{id}} with its conversations is the inbox's). */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    PageResponse<ContactResponse> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return contacts.list(OrgContext.require(), q, page, size);
    }

    @PostMapping
    ResponseEntity<ContactResponse> create(@Valid @RequestBody ContactRequests.Create request) {
        ContactResponse created = contacts.create(OrgContext.require(), request);
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    ContactResponse update(@PathVariable String id, @Valid @RequestBody ContactRequests.Update request) {
        return contacts.update(OrgContext.require(), id, request);
    }
}
