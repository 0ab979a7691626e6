package com.crmfactory.messaging.support.kafka;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import com.crmfactory.messaging.events.Topics;

import tools.jackson.core.JacksonException;

/**
 * Error handling for every listener: bounded retries in place with exponential backoff (the partition
 * waits, so per-conversation order holds), then the record goes to {@code <service>.dlt.<topic>} with
 * the exception class, message, stack trace and original topic/partition/offset in headers
 * ({@code kafka_dlt-*}), and the partition moves on. Records that cannot be decoded are not retried.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(String service, KafkaOperations<?, ?> template,
            KafkaTopicsProperties.Retry retry) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(service, record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(Math.max(0, retry.attempts() - 1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class);
        return handler;
    }
}
