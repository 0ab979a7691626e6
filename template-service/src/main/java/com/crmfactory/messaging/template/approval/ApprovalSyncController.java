package com.crmfactory.messaging.template.approval;

import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.support.web.OrgContext;
import com.crmfactory.messaging.template.catalog.TemplateController;
import com.crmfactory.messaging.template.catalog.TemplateResponse;

/** {@code POST /api/v1/message-templates/{id}/sync}: fetch the approval status from Twilio now. */
@RestController
class ApprovalSyncController {

    private final ApprovalSyncService sync;

    ApprovalSyncController(ApprovalSyncService sync) {
        this.sync = sync;
    }

    @PostMapping(TemplateController.PATH + "/{id}/sync")
    TemplateResponse sync(@PathVariable UUID id) {
        return sync.syncNow(OrgContext.require(), id);
    }
}
