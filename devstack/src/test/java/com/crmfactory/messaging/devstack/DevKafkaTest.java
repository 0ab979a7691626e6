package com.crmfactory.messaging.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real broker in its own JVM (a few seconds), as {@code ./omni up} does. */
class DevKafkaTest {

    @TempDir
    Path dir;

    @Test
    void formatsOnceServesOnTheFixedPortAndKeepsRecordsAcrossRestarts() throws Exception {
        int port = ChildJvm.freePort();
        int controllerPort = ChildJvm.freePort();
        Path data = dir.resolve("kafka");
        Path ready = dir.resolve("kafka.ready");
        String[] args = {"--data-dir", data.toString(), "--port", String.valueOf(port),
            "--controller-port", String.valueOf(controllerPort), "--ready-file", ready.toString()};
        String bootstrap = "localhost:" + port;

        try (ChildJvm broker = ChildJvm.start(DevKafka.class, dir.resolve("kafka.log"), args)) {
            broker.awaitFile(ready, Duration.ofSeconds(60));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>("devstack.test", "k", "hello")).get(30, TimeUnit.SECONDS);
            }
            assertThat(broker.terminate(Duration.ofSeconds(30))).as("clean exit on SIGTERM").isIn(0, 143);
        }
        assertThat(ready).doesNotExist();
        String clusterId = Files.readString(data.resolve("logs/meta.properties"));

        try (ChildJvm broker = ChildJvm.start(DevKafka.class, dir.resolve("kafka.log"), args)) {
            broker.awaitFile(ready, Duration.ofSeconds(60));
            assertThat(Files.readString(data.resolve("logs/meta.properties"))).as("not formatted again")
                    .isEqualTo(clusterId);
            assertThat(consumeAll(bootstrap, "devstack.test")).containsExactly("hello");
            broker.terminate(Duration.ofSeconds(30));
        }
    }

    @Test
    void configIsASingleNodeKraftBrokerOnTheGivenPorts() {
        Map<String, String> p = KafkaServerConfig.properties(Path.of("/data/kafka/logs"), "localhost", 9092, 9093);
        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@localhost:9093")
                .containsEntry("listeners", "PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://localhost:9092")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("log.dirs", "/data/kafka/logs");
    }

    private static List<String> consumeAll(String bootstrap, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "devstack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
