package com.crmfactory.messaging.automation.definition;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.automation.web.PageParams;
import com.crmfactory.messaging.automation.web.PageResponse;
import com.crmfactory.messaging.support.web.OrgContext;

import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/automations}: the automations of the caller's org. */
@RestController
@RequestMapping("/api/v1/automations")
class AutomationController {

    private static final String SHAPE = "{name, enabled, trigger: {type, channels?, includeMms?, statuses?}, "
            + "conditions: [{type, …}], actions: [{type, …}]} — see automation-service/README.md. Invalid: 400 "
            + "problem+json whose errors name each field (e.g. actions[1].channel).";

    private final AutomationService automations;

    AutomationController(AutomationService automations) {
        this.automations = automations;
    }

    @GetMapping
    PageResponse<JsonNode> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageParams params = PageParams.of(page, size);
        return automations.list(OrgContext.require(), params.page(), params.size());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an automation (version 1, disabled unless enabled: true)", description = SHAPE)
    JsonNode create(@RequestBody JsonNode request) {
        return automations.create(OrgContext.require(), request);
    }

    @GetMapping("/{id}")
    JsonNode get(@PathVariable String id) {
        return automations.get(OrgContext.require(), id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace the definition: a new version; runs already started keep theirs", description = SHAPE)
    JsonNode replace(@PathVariable String id, @RequestBody JsonNode request) {
        return automations.replace(OrgContext.require(), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        automations.delete(OrgContext.require(), id);
    }

    @PostMapping("/{id}/enable")
    JsonNode enable(@PathVariable String id) {
        return automations.setEnabled(OrgContext.require(), id, true);
    }

    @PostMapping("/{id}/disable")
    JsonNode disable(@PathVariable String id) {
        return automations.setEnabled(OrgContext.require(), id, false);
    }
}
