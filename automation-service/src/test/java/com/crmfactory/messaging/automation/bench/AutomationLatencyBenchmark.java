package com.crmfactory.messaging.automation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.crmfactory.messaging.automation.support.AutomationServiceTest;
import com.crmfactory.messaging.automation.support.Events;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.testsupport.Infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

/**
 * Trigger-to-send latency: customers' SMS ({@code MessageReceived}) published on the real (embedded) broker at
 * 50 events/s, open loop (each send is scheduled by the clock and timed from its scheduled instant), to two
 * orgs with 20 enabled automations each (one matches a message, 19 are evaluated and filtered out by their
 * conditions or channels); the latency ends when the automation's {@code OutboundMessageRequested} is read
 * back from messaging.outbound.requests.v1 (so it includes the engine, the database commit and the outbox
 * relay, and excludes the sender's rate limit). Not a test: run with
 * {@code ./mvnw -B -o verify -pl automation-service -Pbenchmark}; results in target/benchmark-results.md.
 */
class AutomationLatencyBenchmark extends AutomationServiceTest {

    private static final int RATE = Integer.getInteger("bench.rate", 50);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 10));
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.duration", 60));
    private static final int AUTOMATIONS_PER_ORG = 20;

    private final Map<String, Long> scheduledNanos = new ConcurrentHashMap<>();
    private final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final AtomicBoolean reading = new AtomicBoolean(true);

    @Autowired
    MeterRegistry meters;

    @Override
    protected String orgLabel() {
        return "bench";
    }

    @Test
    void triggerToSendLatency() throws Exception {
        List<String> orgs = List.of(Events.org("bench-a"), Events.org("bench-b"));
        for (String benchOrg : orgs) {
            for (int i = 0; i < AUTOMATIONS_PER_ORG - 1; i++) {
                create(benchOrg, filteredOut(i));
            }
            create(benchOrg, """
                    {"name": "Acknowledge", "enabled": true, "trigger": {"type": "sms_received"},
                     "conditions": [{"type": "body_matches", "pattern": "^bench-[0-9]+$"}],
                     "actions": [{"type": "send_sms", "to": "{{contact.phone}}", "body": "{{message.body}}"}]}""");
        }
        Thread reader = new Thread(this::readRequests, "bench-reader");
        reader.setDaemon(true);
        reader.start();

        run(orgs, WARM_UP, false);
        int sent = run(orgs, MEASURED, true);
        await().atMost(Duration.ofSeconds(60)).until(() -> latenciesMicros.size() >= sent);
        reading.set(false);

        String engine = engineLatency();
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        String report = """
                # automation-service trigger-to-send latency

                %s · %d events/s for %d s (after %d s warm-up), %d orgs × %d enabled automations
                (1 matching, %d filtered out by conditions/channels), embedded Kafka + PostgreSQL, one service instance.

                | events | p50 | p90 | p99 | max |
                |---|---|---|---|---|
                | %d | %s | %s | %s | %s |

                Inside the service (`automation.trigger.latency`: event time → action in the outbox, whole run
                warm-up included): %s. Machine load average at the end: %s.
                """.formatted(Instant.now(), RATE, MEASURED.toSeconds(), WARM_UP.toSeconds(), orgs.size(),
                AUTOMATIONS_PER_ORG, AUTOMATIONS_PER_ORG - 1, sorted.size(), ms(sorted, 0.50), ms(sorted, 0.90),
                ms(sorted, 0.99), ms(sorted, 1.0), engine,
                String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-results.md"), report);
        assertThat(sorted).hasSize(sent);
    }

    private String engineLatency() {
        Timer timer = meters.find("automation.trigger.latency").timer();
        if (timer == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (ValueAtPercentile p : timer.takeSnapshot().percentileValues()) {
            out.append(String.format("p%.0f %.1f ms, ", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS)));
        }
        return out.append(String.format("max %.1f ms over %d actions", timer.max(TimeUnit.MILLISECONDS), timer.count()))
                .toString();
    }

    /** Sends at RATE per second for the duration; returns how many were sent. */
    private int run(List<String> orgs, Duration duration, boolean measured) throws InterruptedException {
        measuring.set(measured);
        int total = (int) (duration.toSeconds() * RATE);
        long periodNanos = 1_000_000_000L / RATE;
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n >= total) {
                return;
            }
            long scheduled = start + n * periodNanos;
            // warm-up messages match too (the same work), under numbers the measured ones never use
            String token = "bench-" + (measured ? n : 1_000_000 + n);
            String org = orgs.get(n % orgs.size());
            MessageReceived message = Events.sms(org, Events.phone(), token);
            if (measured) {
                scheduledNanos.put(org + "|" + token, scheduled);
            }
            senders.submit(() -> Kafka.send(Topics.INBOUND, message.conversationKey().value(), message));
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (next.get() < total) {
            Thread.sleep(50);
        }
        clock.shutdown();
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.SECONDS);
        return total;
    }

    private void readRequests() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.OUTBOUND_REQUESTS, Duration.ofSeconds(10))
                    .stream().map(p -> new TopicPartition(Topics.OUTBOUND_REQUESTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (reading.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    Kafka.CODEC.decode(record).ifPresent(event -> {
                        if (event.payload() instanceof OutboundMessageRequested request) {
                            Long scheduled = scheduledNanos.remove(request.orgId() + "|" + request.body());
                            if (scheduled != null) {
                                latenciesMicros.add((now - scheduled) / 1_000);
                            }
                        }
                    });
                }
            }
        }
    }

    /** 19 automations that are evaluated on every message and never match it. */
    private static String filteredOut(int i) {
        String conditionsAndTrigger = switch (i % 4) {
            case 0 -> "\"trigger\": {\"type\": \"sms_received\"}, \"conditions\": [{\"type\": \"keywords\", \"values\": [\"refund\", \"invoice\", \"cancel\"]}]";
            case 1 -> "\"trigger\": {\"type\": \"sms_received\"}, \"conditions\": [{\"type\": \"body_matches\", \"pattern\": \"(?i)order\\\\s+[0-9]{5}\"}]";
            case 2 -> "\"trigger\": {\"type\": \"channel_message_received\", \"channels\": [\"whatsapp\", \"email\"]}";
            default -> "\"trigger\": {\"type\": \"sms_received\"}, \"conditions\": [{\"type\": \"contact_field\", \"field\": \"email\", \"operator\": \"present\"}]";
        };
        return """
                {"name": "Filtered %d", "enabled": true, %s,
                 "actions": [{"type": "send_sms", "to": "{{contact.phone}}", "body": "never"}]}""".formatted(i, conditionsAndTrigger);
    }

    private static String ms(List<Long> sortedMicros, double quantile) {
        if (sortedMicros.isEmpty()) {
            return "-";
        }
        int index = (int) Math.min(sortedMicros.size() - 1, Math.ceil(quantile * sortedMicros.size()) - 1);
        return String.format("%.1f ms", sortedMicros.get(Math.max(0, index)) / 1000.0);
    }
}
