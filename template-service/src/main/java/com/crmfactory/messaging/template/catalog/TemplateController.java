package com.crmfactory.messaging.template.catalog;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.support.web.OrgContext;

/** {@code /api/v1/message-templates}: CRUD of the caller's org's templates (the org comes from the gateway). */
@RestController
@RequestMapping(TemplateController.PATH)
public class TemplateController {

    public static final String PATH = "/api/v1/message-templates";

    private final TemplateService service;

    TemplateController(TemplateService service) {
        this.service = service;
    }

    @GetMapping
    public TemplatePage list(
            @RequestParam(required = false) @Pattern(regexp = WireValues.CHANNELS, message = "must be one of sms, mms, whatsapp, email") String channel,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) @Pattern(regexp = WireValues.STATUSES, message = "must be one of draft, pending, approved, rejected, paused, disabled") String status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        TemplateFilter filter = new TemplateFilter(WireValues.channel(channel, "channel"), key,
                WireValues.status(status, "status"));
        return service.list(OrgContext.require(), filter, page, size);
    }

    @GetMapping("/{id}")
    public TemplateResponse get(@PathVariable UUID id) {
        return service.get(OrgContext.require(), id);
    }

    @PostMapping
    public ResponseEntity<TemplateResponse> create(@Valid @RequestBody TemplateRequest request) {
        TemplateResponse created = service.create(OrgContext.require(), request.toContent());
        return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    public TemplateResponse update(@PathVariable UUID id, @Valid @RequestBody TemplateRequest request) {
        return service.update(OrgContext.require(), id, request.toContent());
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(OrgContext.require(), id);
        return ResponseEntity.noContent().build();
    }
}
