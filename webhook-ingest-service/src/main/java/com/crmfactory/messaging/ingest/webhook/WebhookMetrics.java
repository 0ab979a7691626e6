package com.crmfactory.messaging.ingest.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The ingest's own meters (Prometheus names in brackets):
 * <ul>
 * <li>{@code ingest.webhooks.accepted} [{@code ingest_webhooks_accepted_total}] by {@code kind}
 * (message/status) and {@code channel} (sms, mms, whatsapp);</li>
 * <li>{@code ingest.webhooks.rejected} [{@code ingest_webhooks_rejected_total}] by {@code kind} and
 * {@code reason}: {@code signature}, {@code unknown_number}, {@code bad_request}, {@code too_large},
 * {@code not_ready}, {@code publish_failed};</li>
 * <li>{@code ingest.publish.ack} [{@code ingest_publish_ack_seconds}] by {@code topic} and {@code outcome}
 * (acked/failed): time from send to the broker's {@code acks=all} acknowledgement, with a histogram so
 * Prometheus can compute percentiles across replicas.</li>
 * </ul>
 */
@Component
public class WebhookMetrics {

    private final MeterRegistry registry;
    // a handful of tag combinations, looked up on every request: keep them instead of rebuilding ids
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(WebhookKind kind, String channel) {
        counters.computeIfAbsent("accepted:" + kind.tag() + ":" + channel, key -> Counter.builder("ingest.webhooks.accepted")
                .description("Webhooks published to Kafka and acknowledged to Twilio")
                .tag("kind", kind.tag()).tag("channel", channel)
                .register(registry)).increment();
    }

    public void rejected(WebhookKind kind, String reason) {
        counters.computeIfAbsent("rejected:" + kind.tag() + ":" + reason, key -> Counter.builder("ingest.webhooks.rejected")
                .description("Webhooks answered with an error; nothing was published")
                .tag("kind", kind.tag()).tag("reason", reason)
                .register(registry)).increment();
    }

    Timer publishAck(String topic, String outcome) {
        return timers.computeIfAbsent(topic + ":" + outcome, key -> Timer.builder("ingest.publish.ack")
                .description("Time until Kafka acknowledged (acks=all) a webhook's event")
                .tag("topic", topic).tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry));
    }
}
