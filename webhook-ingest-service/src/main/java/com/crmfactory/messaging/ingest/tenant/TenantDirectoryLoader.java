package com.crmfactory.messaging.ingest.tenant;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads {@code platform.tenants.v1} from the beginning into the {@link TenantDirectory}, on every replica,
 * and keeps following it. Why a plain consumer and not a {@code @KafkaListener}: every replica needs
 * every partition (no consumer group sharing them out, no committed offsets), and readiness needs to
 * know when the topic has been read up to the end offsets it had at start-up, which this loop checks
 * directly with {@code position()} (that also covers compacted gaps and empty partitions).
 *
 * <p>Each record is applied by {@link TenantRecords} (which dead-letters unreadable ones). A missing
 * topic (no gateway has run yet) means no org exists: the directory is loaded and empty, and the topic is
 * looked for again every few seconds; new partitions are picked up within a minute.
 */
@Component
class TenantDirectoryLoader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TenantDirectoryLoader.class);
    private static final String TOPIC = Topics.PLATFORM_TENANTS;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration KAFKA_CALL = Duration.ofSeconds(5);
    private static final long TOPIC_RECHECK_WHILE_MISSING_MS = 5_000;
    private static final long TOPIC_RECHECK_MS = 60_000;

    private final ConsumerFactory<?, ?> consumers;
    private final TenantRecords records;
    private final TenantDirectory directory;
    private final Map<TopicPartition, Long> loadTargets = new HashMap<>();
    private Set<TopicPartition> assigned = Set.of();
    private long nextTopicCheck;
    private long startedAt;
    private long lastWarned;
    private volatile boolean running;
    private volatile Consumer<String, String> consumer;
    private Thread thread;

    TenantDirectoryLoader(ConsumerFactory<?, ?> consumers, TenantRecords records, TenantDirectory directory,
            MeterRegistry registry) {
        this.consumers = consumers;
        this.records = records;
        this.directory = directory;
        Gauge.builder("ingest.tenant.directory.senders", directory, TenantDirectory::senderCount)
                .description("Sender numbers the directory routes").register(registry);
        Gauge.builder("ingest.tenant.directory.loaded", directory, d -> d.isLoaded() ? 1 : 0)
                .description("1 once platform.tenants.v1 has been read to its end offsets").register(registry);
    }

    @Override
    public void start() {
        running = true;
        startedAt = System.nanoTime();
        thread = new Thread(this::run, "tenant-directory");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(KAFKA_CALL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (Consumer<String, String> created = createConsumer()) {
            consumer = created;
            while (running) {
                try {
                    step(created);
                } catch (WakeupException e) {
                    // stop() woke us up; the loop condition ends it
                } catch (KafkaException e) {
                    warnAtMostEvery30s(e);
                    sleep(1_000);
                }
            }
        } catch (RuntimeException e) {
            log.error("Tenant directory stopped", e);
        }
    }

    private void warnAtMostEvery30s(KafkaException e) {
        long now = System.currentTimeMillis();
        if (now - lastWarned >= 30_000) {
            lastWarned = now;
            log.warn("Tenant directory cannot read {} ({}): {}", TOPIC,
                    directory.isLoaded() ? "serving what it has" : "not ready", e.toString());
        }
    }

    private void step(Consumer<String, String> consumer) {
        if (System.currentTimeMillis() >= nextTopicCheck) {
            followPartitions(consumer);
        }
        if (assigned.isEmpty()) {
            sleep(POLL.toMillis());
            return;
        }
        consumer.poll(POLL).forEach(records::apply);
        if (!directory.isLoaded() && caughtUp(consumer)) {
            loaded("read " + TOPIC + " to its end");
        }
    }

    /** Assigns every partition of the topic (new ones from their beginning) and notes the end offsets to load to. */
    private void followPartitions(Consumer<String, String> consumer) {
        List<PartitionInfo> partitions = consumer.partitionsFor(TOPIC, KAFKA_CALL);
        Set<TopicPartition> all = partitions == null ? Set.of() : partitions.stream()
                .map(info -> new TopicPartition(TOPIC, info.partition())).collect(Collectors.toUnmodifiableSet());
        if (!all.isEmpty() && !all.equals(assigned)) {
            Set<TopicPartition> added = new HashSet<>(all);
            added.removeAll(assigned);
            consumer.assign(all);
            consumer.seekToBeginning(added);
            if (!directory.isLoaded()) {
                loadTargets.putAll(consumer.endOffsets(added, KAFKA_CALL));
            }
            assigned = all;
        }
        if (all.isEmpty() && !directory.isLoaded()) {
            loaded(TOPIC + " does not exist yet, so no org does");
        }
        nextTopicCheck = System.currentTimeMillis() + (assigned.isEmpty() ? TOPIC_RECHECK_WHILE_MISSING_MS : TOPIC_RECHECK_MS);
    }

    private boolean caughtUp(Consumer<String, String> consumer) {
        for (Map.Entry<TopicPartition, Long> target : loadTargets.entrySet()) {
            if (consumer.position(target.getKey(), KAFKA_CALL) < target.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void loaded(String how) {
        directory.markLoaded();
        log.info("Tenant directory ready ({}): {} orgs, {} sender numbers, in {} ms", how, directory.tenantCount(),
                directory.senderCount(), (System.nanoTime() - startedAt) / 1_000_000);
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, String> createConsumer() {
        Properties overrides = new Properties();
        // never create the gateway's topic by looking at it: it must be created compacted, by its owner
        overrides.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return (Consumer<String, String>) consumers.createConsumer(null, "tenant-directory", null, overrides);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
