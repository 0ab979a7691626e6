package com.crmfactory.messaging.template;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.crmfactory.messaging.events.CloudEventHeaders;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.testsupport.Infrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code templates.catalog.v1} with a plain consumer, as another service would. */
public final class CatalogTopic {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CatalogTopic() {
    }

    /** One record: key, CloudEvents type and org header, and the JSON value. */
    public record Event(String key, String type, String orgId, JsonNode value) {

        public String text(String field) {
            JsonNode node = value.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        public boolean upserted() {
            return type.endsWith(".template-upserted.v1");
        }

        public boolean deleted() {
            return type.endsWith(".template-deleted.v1");
        }
    }

    /**
     * Waits until the events of {@code orgId} (all of them, from the start of the topic, in partition
     * order) satisfy {@code done}, and returns them.
     */
    public static List<Event> await(String orgId, Predicate<List<Event>> done) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TEMPLATES_CATALOG).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<Event> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (orgId.equals(header(record, CloudEventHeaders.ORG_ID))) {
                        events.add(new Event(record.key(), header(record, CloudEventHeaders.TYPE), orgId,
                                JSON.readTree(record.value())));
                    }
                }
                if (done.test(events)) {
                    return events;
                }
            }
            throw new AssertionError("events of " + orgId + " never satisfied the condition; saw " + events);
        }
    }

    /** The gateway owns platform.tenants.v1; tests create it (compacted, like the gateway) before the service subscribes. */
    public static void createTenantsTopic() {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", Infrastructure.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.PLATFORM_TENANTS, 3, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "template-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
