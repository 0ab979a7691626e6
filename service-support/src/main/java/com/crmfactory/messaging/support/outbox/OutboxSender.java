package com.crmfactory.messaging.support.outbox;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends one record to Kafka; the relay waits for every acknowledgement before deleting rows. */
@FunctionalInterface
public interface OutboxSender {

    CompletableFuture<?> send(ProducerRecord<String, String> record);
}
