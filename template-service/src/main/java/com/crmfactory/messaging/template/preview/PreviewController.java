package com.crmfactory.messaging.template.preview;

import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.support.web.OrgContext;
import com.crmfactory.messaging.template.catalog.TemplateController;

/** {@code POST /api/v1/message-templates/{id}/preview}: the template rendered with the given variables. */
@RestController
class PreviewController {

    private final PreviewService previews;

    PreviewController(PreviewService previews) {
        this.previews = previews;
    }

    @PostMapping(TemplateController.PATH + "/{id}/preview")
    PreviewResponse preview(@PathVariable UUID id, @RequestBody(required = false) PreviewRequest request) {
        return previews.preview(OrgContext.require(), id,
                request == null ? java.util.Map.of() : request.variables());
    }
}
