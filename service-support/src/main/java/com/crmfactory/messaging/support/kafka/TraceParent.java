package com.crmfactory.messaging.support.kafka;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * The W3C {@code traceparent} of the current span, stored with outbox rows so a trace continues
 * across the asynchronous hop from the database to Kafka.
 */
public class TraceParent {

    private final ObjectProvider<Tracer> tracer;

    public TraceParent(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    public Optional<String> current() {
        Tracer current = tracer.getIfAvailable();
        TraceContext context = current == null ? null : current.currentTraceContext().context();
        if (context == null) {
            return Optional.empty();
        }
        String traceId = padLeft(context.traceId(), 32);
        String spanId = padLeft(context.spanId(), 16);
        String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
        return Optional.of("00-" + traceId + "-" + spanId + "-" + flags);
    }

    private static String padLeft(String hex, int length) {
        return hex.length() >= length ? hex : "0".repeat(length - hex.length()) + hex;
    }
}
