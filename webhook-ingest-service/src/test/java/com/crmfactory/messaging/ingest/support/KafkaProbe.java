package com.crmfactory.messaging.ingest.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.crmfactory.messaging.testsupport.Infrastructure;

/**
 * Watches the real broker's topics: {@link #mark()} notes their end offsets, {@link #since} reads what was
 * written after a mark. The service publishes before it answers, so once a response is in, whatever the
 * request published is already in the log: "nothing published" is an exact check, not a timed wait.
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    public KafkaProbe(String... topics) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        this.partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
    }

    public Map<TopicPartition, Long> mark() {
        return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
    }

    /** Every record written to the watched topics after the mark. */
    public List<ConsumerRecord<String, String>> since(Map<TopicPartition, Long> mark) {
        Map<TopicPartition, Long> end = mark();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        mark.forEach(consumer::seek);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!reached(end) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.get(partition)) {
                    records.add(record);
                }
            });
        }
        return records;
    }

    /** How many records were written to the watched topics after the mark. */
    public long countSince(Map<TopicPartition, Long> mark) {
        Map<TopicPartition, Long> end = mark();
        return end.entrySet().stream().mapToLong(e -> e.getValue() - mark.getOrDefault(e.getKey(), 0L)).sum();
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        return headers;
    }

    @Override
    public void close() {
        consumer.close();
    }

    @Override
    public String toString() {
        return partitions.stream().map(TopicPartition::toString).collect(Collectors.joining(","));
    }
}
