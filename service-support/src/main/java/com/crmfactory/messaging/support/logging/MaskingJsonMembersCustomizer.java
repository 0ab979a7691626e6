package com.crmfactory.messaging.support.logging;

import java.util.Set;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Applies {@link LogMasking} to the message and error texts of every structured (JSON) log line.
 * Registered by default through {@code logging.structured.json.customizer}.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    private static final Set<String> MASKED = Set.of("message", "full_message", "short_message", "stack_trace");

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.<String>of(String.class, LogMasking::mask)
                .whenHasPath(path -> MASKED.contains(path.name())));
    }
}
