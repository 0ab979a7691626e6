package com.crmfactory.messaging.support.logging;

import java.util.Locale;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Applies {@link LogMasking} to every string value of every structured (JSON) log line: the message,
 * the error (type, message and stack trace), and MDC or key-value pairs a developer may have added.
 * Trace and span ids are left alone: a 32-hex trace id would otherwise look like a Twilio auth token.
 * Registered by default through {@code logging.structured.json.customizer}.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.<String>of(String.class, LogMasking::mask)
                .whenHasPath(path -> !isTraceId(path)));
    }

    private static boolean isTraceId(JsonWriter.MemberPath path) {
        for (JsonWriter.MemberPath p = path; p != null && p.name() != null; p = p.parent()) {
            String name = p.name().toLowerCase(Locale.ROOT);
            if ((name.contains("trace") && !name.contains("stack")) || name.contains("span")) {
                return true;
            }
        }
        return false;
    }
}
