package com.crmfactory.messaging.support.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventType;
import com.crmfactory.messaging.support.kafka.CloudEvent;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.support.kafka.IncomingEvent;
import com.crmfactory.messaging.testsupport.Infrastructure;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plain Kafka clients on the test broker for the services' integration tests: publish events with their
 * CloudEvents headers as other services do, and watch topics. Shipped in service-support's test jar.
 */
public final class Kafka {

    public static final EventCodec CODEC = new EventCodec(JsonMapper.builder().build());
    private static final Map<String, Watcher> WATCHERS = new ConcurrentHashMap<>();
    private static volatile KafkaProducer<String, String> producer;

    private Kafka() {
    }

    /** Publishes one event with its CloudEvents headers, like another service's outbox would; returns its ce_id. */
    public static String send(String topic, String key, DomainEvent event) {
        return send(topic, key, event, UUID.randomUUID().toString());
    }

    /** Publishes one event with the given ce_id (a redelivery repeats it). */
    public static String send(String topic, String key, DomainEvent event, String id) {
        CloudEvent meta = new CloudEvent(id, EventType.typeOf(event.getClass()), "test", event.occurredAt(), key,
                event.orgId(), null);
        try {
            producer().send(meta.toRecord(topic, CODEC.toJson(event))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
        return id;
    }

    /**
     * Publishes several events of one key without waiting between them, then waits for all: they reach the broker
     * together, as a burst from one customer does (a consumer sees them in one poll, not spread over the acks).
     */
    public static void sendTogether(String topic, String key, List<? extends DomainEvent> events) {
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (DomainEvent event : events) {
            CloudEvent meta = new CloudEvent(UUID.randomUUID().toString(), EventType.typeOf(event.getClass()), "test",
                    event.occurredAt(), key, event.orgId(), null);
            sent.add(producer().send(meta.toRecord(topic, CODEC.toJson(event))));
        }
        try {
            for (java.util.concurrent.Future<?> future : sent) {
                future.get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** A watcher reading the whole topic from its beginning, shared by every test of the JVM. */
    public static Watcher watch(String topic) {
        return WATCHERS.computeIfAbsent(topic, Watcher::new);
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (Kafka.class) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers());
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    producer = new KafkaProducer<>(props);
                }
            }
        }
        return producer;
    }

    /** Every decoded event of one topic, in partition order, with its key. */
    public static final class Watcher {

        private final List<IncomingEvent> events = new CopyOnWriteArrayList<>();
        private final Map<DomainEvent, Long> arrivals = Collections.synchronizedMap(new IdentityHashMap<>());
        private volatile boolean assigned;

        Watcher(String topic) {
            Thread thread = new Thread(() -> poll(topic), "watch-" + topic);
            thread.setDaemon(true);
            thread.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> assigned);
        }

        public <T extends DomainEvent> List<T> events(Class<T> type, Predicate<T> filter) {
            return events.stream().filter(e -> type.isInstance(e.payload())).map(e -> type.cast(e.payload()))
                    .filter(filter).toList();
        }

        /** When the watcher received this event ({@link System#nanoTime()}): latency without the reader's poll interval. */
        public long arrivalNanos(DomainEvent event) {
            return arrivals.get(event);
        }

        public List<IncomingEvent> all(Predicate<IncomingEvent> filter) {
            return events.stream().filter(filter).toList();
        }

        public List<IncomingEvent> ofOrg(String orgId) {
            return all(e -> orgId.equals(e.payload().orgId()));
        }

        public <T extends DomainEvent> T awaitOne(Class<T> type, Predicate<T> filter) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !events(type, filter).isEmpty());
            return events(type, filter).get(0);
        }

        private void poll(String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrapServers());
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                List<TopicPartition> partitions;
                do {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                } while (partitions.isEmpty());
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                partitions.forEach(consumer::position);
                assigned = true;
                while (true) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        long now = System.nanoTime();
                        CODEC.decode(record).ifPresent(e -> {
                            arrivals.put(e.payload(), now);
                            events.add(e);
                        });
                    }
                }
            }
        }
    }
}
