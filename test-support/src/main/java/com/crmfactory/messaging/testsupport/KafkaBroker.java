package com.crmfactory.messaging.testsupport;

/** A running Kafka broker that integration tests connect to. */
public interface KafkaBroker {

    String bootstrapServers();

    void stop();
}
