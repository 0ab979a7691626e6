package com.crmfactory.messaging.template.provisioning;

import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.support.web.OrgContext;
import com.crmfactory.messaging.template.catalog.TemplateController;
import com.crmfactory.messaging.template.catalog.TemplateResponse;

/** {@code POST /api/v1/message-templates/{id}/provision}: create the template's Twilio Content resource now. */
@RestController
class ProvisioningController {

    private final ContentProvisioner provisioner;

    ProvisioningController(ContentProvisioner provisioner) {
        this.provisioner = provisioner;
    }

    @PostMapping(TemplateController.PATH + "/{id}/provision")
    TemplateResponse provision(@PathVariable UUID id) {
        return provisioner.provisionNow(OrgContext.require(), id);
    }
}
