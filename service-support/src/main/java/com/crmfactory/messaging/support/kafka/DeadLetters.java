package com.crmfactory.messaging.support.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
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
                (record, exception) -> new TopicPartition(Topics.deadLetter(service, record.topic()), -1)) {
            @Override
            public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
                super.accept(record, consumer, withoutBatchWrapper(exception));
            }
        };
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(Math.max(0, retry.attempts() - 1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class);
        return handler;
    }

    /**
     * A batch listener reports its failed record through a {@link BatchListenerFailedException}; the dead letter's
     * headers name the record's own failure, as a record listener's do.
     */
    static Exception withoutBatchWrapper(Exception exception) {
        Throwable cause = exception.getCause();
        if (cause instanceof BatchListenerFailedException batch && batch.getCause() != null) {
            return new ListenerExecutionFailedException(exception.getMessage(), batch.getCause());
        }
        return exception;
    }
}
