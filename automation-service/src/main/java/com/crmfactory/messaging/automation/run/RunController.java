package com.crmfactory.messaging.automation.run;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.crmfactory.messaging.automation.web.PageParams;
import com.crmfactory.messaging.automation.web.PageResponse;
import com.crmfactory.messaging.support.web.OrgContext;

import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.JsonNode;

/** Runs of the caller's org's automations, and dry runs. */
@RestController
@RequestMapping("/api/v1/automations")
class RunController {

    private final RunQueryService runs;
    private final DryRunService dryRuns;

    RunController(RunQueryService runs, DryRunService dryRuns) {
        this.runs = runs;
        this.dryRuns = dryRuns;
    }

    @GetMapping("/{id}/runs")
    @Operation(summary = "Runs of an automation, newest first")
    PageResponse<RunViews.RunSummary> list(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageParams params = PageParams.of(page, size);
        return runs.list(OrgContext.require(), id, params.page(), params.size());
    }

    @GetMapping("/runs/{runId}")
    @Operation(summary = "One run with its steps (input, output, status, error, timings)")
    RunViews.RunDetail get(@PathVariable String runId) {
        return runs.get(OrgContext.require(), runId);
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Dry run against a sample event: conditions and rendered actions, nothing sent",
            description = "Sample: {channel, from, body, contact: {name, phone, email}, session: {id, intent, status}, "
                    + "payload: {order_number, status, …}, occurredAt}; all optional.")
    RunViews.DryRun test(@PathVariable String id, @RequestBody(required = false) JsonNode sample) {
        return dryRuns.test(OrgContext.require(), id, sample);
    }
}
