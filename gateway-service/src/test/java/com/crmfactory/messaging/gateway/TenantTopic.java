package com.crmfactory.messaging.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.testsupport.Infrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code platform.tenants.v1} from the beginning with a plain consumer, as another service would. */
final class TenantTopic {

    private static final JsonMapper JSON = new JsonMapper();

    record Event(String key, JsonNode value, String raw, String ceType) {
    }

    private TenantTopic() {
    }

    /** Waits up to 20 s for an event with this key whose value matches; fails otherwise. */
    static Event await(String orgId, Predicate<JsonNode> matches) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Event> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty()) {
                consumer.partitionsFor(Topics.PLATFORM_TENANTS, Duration.ofSeconds(5))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!orgId.equals(record.key())) {
                        continue;
                    }
                    Header type = record.headers().lastHeader("ce_type");
                    Event event = new Event(record.key(), JSON.readTree(record.value()), record.value(),
                            type == null ? null : new String(type.value(), StandardCharsets.UTF_8));
                    seen.add(event);
                    if (matches.test(event.value())) {
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("no matching TenantUpserted for " + orgId + " on " + Topics.PLATFORM_TENANTS
                + "; seen: " + seen.stream().map(Event::raw).toList());
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
    }
}
