package com.crmfactory.messaging.automation.run;

import java.time.Duration;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.automation.definition.AutomationService;
import com.crmfactory.messaging.automation.web.PageResponse;
import com.crmfactory.messaging.support.web.NotFoundException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Run history, scoped to the caller's org. */
@Service
public class RunQueryService {

    private final RunRepository runs;
    private final AutomationService automations;
    private final JsonMapper json;

    RunQueryService(RunRepository runs, AutomationService automations, JsonMapper json) {
        this.runs = runs;
        this.automations = automations;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public PageResponse<RunViews.RunSummary> list(String orgId, String automationId, int page, int size) {
        if (!automations.exists(orgId, automationId)) {
            throw new NotFoundException("Automation", automationId);
        }
        UUID id = UUID.fromString(automationId);
        return PageResponse.of(runs.page(orgId, id, page, size).stream().map(RunQueryService::summary).toList(), page,
                size, runs.count(orgId, id));
    }

    @Transactional(readOnly = true)
    public RunViews.RunDetail get(String orgId, String runId) {
        RunRecord run = parse(runId).flatMap(id -> runs.find(orgId, id))
                .orElseThrow(() -> new NotFoundException("Run", runId));
        var steps = runs.steps(run.id()).stream().map(s -> new RunViews.Step(s.index(), s.type(), s.status(),
                tree(s.input()), tree(s.output()), s.error(), s.startedAt(), s.finishedAt(),
                s.finishedAt() == null ? null : Duration.between(s.startedAt(), s.finishedAt()).toMillis())).toList();
        return new RunViews.RunDetail(run.id().toString(), run.automationId().toString(), run.automationVersion(),
                run.triggerType(), run.triggerEventId(), run.depth(), run.status(), run.error(), run.startedAt(),
                run.finishedAt(), run.dueAt(), run.nextStep(), tree(run.triggerEvent()), steps);
    }

    private static RunViews.RunSummary summary(RunRecord run) {
        return new RunViews.RunSummary(run.id().toString(), run.automationId().toString(), run.automationVersion(),
                run.triggerType(), run.triggerEventId(), run.status(), run.error(), run.startedAt(), run.finishedAt(),
                run.dueAt());
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
