package com.crmfactory.messaging.automation.run;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** What the run API returns. */
public final class RunViews {

    private RunViews() {
    }

    /** A run in a list. */
    public record RunSummary(String id, String automationId, int automationVersion, String triggerType,
            String triggerEventId, RunStatus status, String error, Instant startedAt, Instant finishedAt, Instant dueAt) {
    }

    /** One step: the rendered action (input), what came of it (output) or its error, and when. */
    public record Step(int index, String type, String status, JsonNode input, JsonNode output, String error,
            Instant startedAt, Instant finishedAt, Long durationMs) {
    }

    /** A run with its trigger and every step reached so far. */
    public record RunDetail(String id, String automationId, int automationVersion, String triggerType,
            String triggerEventId, int depth, RunStatus status, String error, Instant startedAt, Instant finishedAt,
            Instant dueAt, int nextStep, JsonNode trigger, List<Step> steps) {
    }

    /** A dry run: whether the sample would trigger the automation and what its actions would be. */
    public record DryRun(String automationId, int automationVersion, boolean triggered, boolean conditionsPassed,
            List<ConditionResult> conditions, List<RenderedStep> actions) {
    }

    public record ConditionResult(int index, String type, boolean passed) {
    }

    /** status {@code rendered} with the action as it would be sent, or {@code failed} with the reason. */
    public record RenderedStep(int index, String type, String status, Object rendered, String error) {
    }
}
