package com.crmfactory.messaging.testsupport;

import org.testcontainers.kafka.KafkaContainer;

/** Apache Kafka in a container, used when a Docker engine is available. */
final class ContainerKafka implements KafkaBroker {

    static final String IMAGE = "apache/kafka-native:4.1.1";

    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafka start() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        container.start();
        return new ContainerKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void stop() {
        container.stop();
    }
}
