package com.crmfactory.messaging.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class InfrastructureIT {

    private final Infrastructure infrastructure = Infrastructure.get();

    @Test
    void theBrokerIsRealAndSharedByTheJvm() throws Exception {
        assertThat(Infrastructure.get()).isSameAs(infrastructure);
        String topic = "test-support." + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "hello")).get();
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-support",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 20 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.iterator().next().value()).isEqualTo("hello");
        }
    }

    @Test
    void eachCallGetsAFreshEmptyDatabase() throws Exception {
        String first = infrastructure.createDatabase("Fresh");
        String second = infrastructure.createDatabase("Fresh");
        assertThat(first).isNotEqualTo(second);
        PostgresServer postgres = infrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(first, postgres.username(), postgres.password())) {
            connection.createStatement().execute("CREATE TABLE marker (id int)");
        }
        try (Connection connection = DriverManager.getConnection(second, postgres.username(), postgres.password());
                ResultSet tables = connection.getMetaData().getTables(null, "public", "marker", null)) {
            assertThat(tables.next()).as("table of another database is not visible").isFalse();
        }
    }
}
