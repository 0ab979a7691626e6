package com.crmfactory.messaging.automation.run;

import java.time.Instant;
import java.util.UUID;

/** One run as stored. {@code nextStep} is the index of the first action not yet carried out. */
record RunRecord(UUID id, String orgId, UUID automationId, int automationVersion, String triggerEventId,
        String triggerType, String triggerEvent, int depth, RunStatus status, int nextStep, Instant dueAt, String error,
        Instant startedAt, Instant finishedAt) {
}
