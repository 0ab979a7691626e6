package com.crmfactory.messaging.conversation.inbox;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.support.web.OrgContext;

/** {@code GET /api/v1/contacts/{id}}: the contact with its conversations. */
@RestController
class ContactDetailController {

    private final ContactDetailService details;

    ContactDetailController(ContactDetailService details) {
        this.details = details;
    }

    @GetMapping("/api/v1/contacts/{id}")
    ContactDetail get(@PathVariable String id) {
        return details.get(OrgContext.require(), id);
    }
}
