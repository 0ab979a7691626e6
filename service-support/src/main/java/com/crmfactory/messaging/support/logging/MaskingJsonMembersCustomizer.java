package com.crmfactory.messaging.support.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Applies {@link LogMasking} to every string value of every structured (JSON) log line: the message,
 * the error, and MDC or key-value pairs a developer may have added. Trace ids, logger and thread names
 * never match the masks. Registered by default through {@code logging.structured.json.customizer}.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.<String>of(String.class, LogMasking::mask));
    }
}
