package com.crmfactory.messaging.automation.definition;

import java.util.UUID;

/** One version of an automation, parsed once and shared (definitions are immutable per version). */
public record CompiledAutomation(UUID id, String orgId, int version, Definition definition) {
}
