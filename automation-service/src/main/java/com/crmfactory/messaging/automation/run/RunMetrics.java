package com.crmfactory.messaging.automation.run;

import java.time.Duration;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code automation.runs} by outcome (succeeded, failed, duplicate, depth_exceeded, cancelled), {@code automation.step.failures}
 * by action type, and {@code automation.trigger.latency}: from the trigger event to an action handed to the outbox
 * (steps after a wait are left out: their delay is intended).
 */
@Component
class RunMetrics {

    private final MeterRegistry meters;
    private final Timer latency;

    RunMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.latency = Timer.builder("automation.trigger.latency")
                .description("Trigger event to action emitted (outbox), steps without a preceding wait")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(meters);
    }

    void run(String outcome) {
        meters.counter("automation.runs", "outcome", outcome).increment();
    }

    void stepFailed(String actionType) {
        meters.counter("automation.step.failures", "action", actionType).increment();
    }

    void latency(Duration sinceTrigger) {
        if (!sinceTrigger.isNegative()) {
            latency.record(sinceTrigger);
        }
    }
}
