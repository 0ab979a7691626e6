package com.crmfactory.messaging.support.kafka;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;

import com.crmfactory.messaging.events.DomainEvent;

/**
 * Publishes an event synchronously and waits for the broker's acknowledgement ({@code acks=all}).
 * For services without a database (the webhook ingest): anything that also writes to its database
 * uses the {@link com.crmfactory.messaging.support.outbox.OutboxWriter} instead.
 */
public class EventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec;
    private final String source;
    private final TraceParent traceParent;

    public EventPublisher(KafkaTemplate<String, String> kafka, EventCodec codec, String source) {
        this(kafka, codec, source, null);
    }

    /** With a {@code traceParent}, each record's CloudEvents {@code traceparent} is the current span's. */
    public EventPublisher(KafkaTemplate<String, String> kafka, EventCodec codec, String source, TraceParent traceParent) {
        this.kafka = kafka;
        this.codec = codec;
        this.source = source;
        this.traceParent = traceParent;
    }

    /**
     * @return the event id ({@code ce_id})
     * @throws PublishFailedException when the broker did not acknowledge within the timeout
     */
    public String publish(String topic, String key, DomainEvent event, Duration timeout) {
        return publish(topic, key, event, timeout, UUID.randomUUID().toString());
    }

    /**
     * As {@link #publish(String, String, DomainEvent, Duration)} under a given {@code ce_id}: a webhook whose
     * sender retries it derives the id from what it signed, so consumers see the retry as the same event.
     */
    public String publish(String topic, String key, DomainEvent event, Duration timeout, String id) {
        CloudEvent meta = new CloudEvent(id, codec.typeOf(event), source, event.occurredAt(), key, event.orgId(),
                traceParent == null ? null : traceParent.current().orElse(null));
        try {
            kafka.send(meta.toRecord(topic, codec.toJson(event))).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return id;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(topic, e);
        } catch (ExecutionException | TimeoutException | KafkaException | org.springframework.kafka.KafkaException e) {
            // KafkaException: send() itself can fail at once (no metadata, buffer exhausted, producer closed)
            throw new PublishFailedException(topic, e);
        }
    }

    /** The broker did not acknowledge; the caller should make its client retry (e.g. answer 503). */
    public static class PublishFailedException extends RuntimeException {
        PublishFailedException(String topic, Throwable cause) {
            super("event not acknowledged by Kafka for topic " + topic, cause);
        }
    }
}
