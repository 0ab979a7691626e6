package com.crmfactory.messaging.support.kafka;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

import com.crmfactory.messaging.events.CloudEventHeaders;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * The W3C {@code traceparent} of the current span, stored with outbox rows so a trace continues
 * across the asynchronous hop from the database to Kafka; and the way back: work that runs later on a
 * thread of its own (a timer, a scheduler) continues the trace of a {@code traceparent} it kept
 * ({@link #continueTrace}).
 */
public class TraceParent {

    // resolved once: a lookup in the bean factory on every call cost 4-8 % of a service's CPU under load
    private final Supplier<Tracer> tracer;
    private final Supplier<ObservationRegistry> observations;

    public TraceParent(ObjectProvider<Tracer> tracer) {
        this(tracer, null);
    }

    public TraceParent(ObjectProvider<Tracer> tracer, ObjectProvider<ObservationRegistry> observations) {
        this.tracer = SingletonSupplier.of(tracer::getIfAvailable);
        this.observations = observations == null ? () -> null : SingletonSupplier.of(observations::getIfAvailable);
    }

    public Optional<String> current() {
        Tracer current = tracer.get();
        TraceContext context = current == null ? null : current.currentTraceContext().context();
        if (context == null) {
            return Optional.empty();
        }
        String traceId = padLeft(context.traceId(), 32);
        String spanId = padLeft(context.spanId(), 16);
        String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
        return Optional.of("00-" + traceId + "-" + spanId + "-" + flags);
    }

    /**
     * Runs {@code work} in an observation (a span) that is a child of {@code traceparent}, so its logs carry
     * that trace id and whatever it publishes (outbox rows, Kafka records, HTTP calls) continues the trace.
     * Without a {@code traceparent} (or without tracing) the work just runs, in whatever trace is current.
     *
     * @param name the observation's name, e.g. {@code agent.turn}
     */
    public void continueTrace(String traceparent, String name, Runnable work) {
        ObservationRegistry registry = observations.get();
        if (traceparent == null || traceparent.isBlank() || registry == null || registry.isNoop()) {
            work.run();
            return;
        }
        ReceiverContext<String> context = new ReceiverContext<>(
                (carrier, key) -> CloudEventHeaders.TRACEPARENT.equals(key) ? carrier : null);
        context.setCarrier(traceparent);
        Observation.createNotStarted(name, () -> context, registry).observe(work);
    }

    private static String padLeft(String hex, int length) {
        return hex.length() >= length ? hex : "0".repeat(length - hex.length()) + hex;
    }
}
