package com.crmfactory.messaging.automation.action;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Which step of which run is being carried out: the ids of what a step emits derive from it, so a step
 * that is carried out again (a redelivery, a crash before commit) asks for the same send, never a second.
 */
public record StepContext(String orgId, UUID runId, UUID automationId, int version, int stepIndex,
        String triggerEventId, int depth, Instant triggerOccurredAt) {

    /** {@code automation-<uuid>} derived from (trigger event, automation, version, step). */
    public String derivedId() {
        String seed = triggerEventId + "|" + automationId + "|" + version + "|" + stepIndex;
        return OWN_PREFIX + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    /** The prefix of every request and command id an automation emits (how its own messages are recognised). */
    public static final String OWN_PREFIX = "automation-";
}
