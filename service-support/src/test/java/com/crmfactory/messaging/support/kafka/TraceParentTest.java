package com.crmfactory.messaging.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/** The trace context that outbox rows and CloudEvents headers carry, and continuing it on another thread. */
class TraceParentTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
    private final OtelPropagator propagator = new OtelPropagator(
            ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final TraceParent traceParent;

    TraceParentTest() {
        observations.observationConfig().observationHandler(new FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                new DefaultTracingObservationHandler(tracer)));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("tracer", tracer, "observations", observations));
        traceParent = new TraceParent(beans.getBeanProvider(Tracer.class), beans.getBeanProvider(ObservationRegistry.class));
    }

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void withoutASpanThereIsNoTraceparent() {
        assertThat(traceParent.current()).isEmpty();
    }

    @Test
    void workContinuingAKeptTraceparentRunsInAChildSpanOfIt() {
        AtomicReference<String> seen = new AtomicReference<>();
        traceParent.continueTrace(PARENT, "agent.turn", () -> seen.set(traceParent.current().orElseThrow()));

        assertThat(seen.get()).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                .as("a span of its own, child of the kept one").isNotEqualTo(PARENT);
        assertThat(traceParent.current()).as("the scope is closed afterwards").isEmpty();
    }

    @Test
    void withoutATraceparentTheWorkJustRuns() {
        AtomicReference<Boolean> ran = new AtomicReference<>(false);
        traceParent.continueTrace(null, "agent.turn", () -> ran.set(traceParent.current().isEmpty()));
        assertThat(ran.get()).isTrue();
    }

    @Test
    void theCloudEventsHeaderCarriesTheTraceparentAndReadsBack() {
        CloudEvent event = new CloudEvent("id-1", "MessageReceived", "test", Instant.parse("2026-01-01T00:00:00Z"),
                "key", "org-1", PARENT);
        ProducerRecord<String, String> record = event.toRecord("messaging.inbound.v1", "{}");

        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)).isEqualTo(PARENT);
        assertThat(CloudEvent.from(record.headers())).hasValueSatisfying(read -> assertThat(read.traceparent()).isEqualTo(PARENT));
    }
}
