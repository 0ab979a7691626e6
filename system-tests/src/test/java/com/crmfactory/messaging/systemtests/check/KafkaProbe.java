package com.crmfactory.messaging.systemtests.check;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.crmfactory.messaging.events.CloudEventHeaders;
import com.crmfactory.messaging.events.EventType;
import com.crmfactory.messaging.events.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the suite reads from the broker: dead-letter topics, consumer lag, and the outbound results. */
final class KafkaProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String bootstrap;
    private final Admin admin;

    KafkaProbe(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        this.admin = Admin.create(props);
    }

    /** Records ever written to each dead-letter topic ({@code <service>.dlt.<topic>}): the sum of its end offsets. */
    Map<String, Long> deadLetterCounts() throws Exception {
        Set<String> dlts = admin.listTopics().names().get(15, TimeUnit.SECONDS).stream()
                .filter(t -> t.contains(".dlt.") || t.endsWith(".DLT") || t.endsWith("-dlt"))
                .collect(Collectors.toSet());
        Map<String, Long> counts = new TreeMap<>();
        if (dlts.isEmpty()) {
            return counts;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(dlts).allTopicNames().get(15, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        endOffsets(partitions).forEach((tp, end) -> counts.merge(tp.topic(), end, Long::sum));
        return counts;
    }

    /**
     * The lag of every consumer group that has members (groups of stopped processes, e.g. an earlier test
     * class's, are not this stack's): per group, the sum over its partitions of end offset minus committed offset.
     */
    Map<String, Long> lagOfActiveGroups() throws Exception {
        Collection<ConsumerGroupListing> listings = admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS);
        List<String> ids = listings.stream().map(ConsumerGroupListing::groupId).toList();
        Map<String, Long> lag = new TreeMap<>();
        if (ids.isEmpty()) {
            return lag;
        }
        Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(ids).all().get(15, TimeUnit.SECONDS);
        for (String group : ids) {
            if (described.get(group).members().isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, Long> ends = endOffsets(committed.keySet());
            long sum = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                    sum += Math.max(0, ends.get(entry.getKey()) - entry.getValue().offset());
                }
            }
            lag.put(group, sum);
        }
        return lag;
    }

    private Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, Long> ends = new HashMap<>();
        if (partitions.isEmpty()) {
            return ends;
        }
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
        result.forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** One record's CloudEvents type and JSON payload. */
    record Event(String type, JsonNode payload) {
    }

    /** Every record of the topic, read from the beginning to the current end, in each partition's order. */
    List<Event> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(15));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                    if (type == null || record.value() == null) {
                        continue;
                    }
                    events.add(new Event(new String(type.value(), StandardCharsets.UTF_8), JSON.readTree(record.value())));
                }
            }
        }
        return events;
    }

    /** The delivery statuses outbound published per request, in the order published. */
    Map<String, List<String>> deliveryStatusesByRequest(Set<String> requestIds) {
        Map<String, List<String>> byRequest = new LinkedHashMap<>();
        for (Event event : readAll(Topics.OUTBOUND_RESULTS)) {
            if (event.type().equals(EventType.OUTBOUND_DELIVERY_UPDATED.type())) {
                String requestId = event.payload().path("requestId").asString();
                if (requestIds.contains(requestId)) {
                    byRequest.computeIfAbsent(requestId, r -> new ArrayList<>()).add(event.payload().path("status").asString());
                }
            }
        }
        return byRequest;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
