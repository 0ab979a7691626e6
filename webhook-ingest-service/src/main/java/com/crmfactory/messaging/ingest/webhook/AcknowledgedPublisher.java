package com.crmfactory.messaging.ingest.webhook;

import java.util.UUID;

import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.support.kafka.EventPublisher;
import com.crmfactory.messaging.support.kafka.EventPublisher.PublishFailedException;

import io.micrometer.core.instrument.Timer;

/**
 * Publishes one webhook's event and returns only once Kafka acknowledged it ({@code acks=all}); the
 * ingest has no database, so this acknowledgement is what makes answering Twilio 2xx safe. A webhook is
 * exactly one record, so it is either published or not: never half. When Kafka does not acknowledge in
 * {@code platform.webhooks.publish-timeout} the webhook is answered 503 so Twilio can retry; a record
 * the broker took after all then arrives twice, and consumers dedupe on the {@code MessageSid}.
 */
@Component
public class AcknowledgedPublisher {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgedPublisher.class);

    private final EventPublisher publisher;
    private final WebhookMetrics metrics;
    private final WebhookProperties properties;

    public AcknowledgedPublisher(EventPublisher publisher, WebhookMetrics metrics, WebhookProperties properties) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.properties = properties;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** @throws WebhookRejectedException 503 when the broker did not acknowledge in time */
    public void publish(String topic, String key, DomainEvent event) {
        publish(topic, key, event, UUID.randomUUID().toString());
    }

    /**
     * As {@link #publish(String, String, DomainEvent)} under the given {@code ce_id} (a retried webhook keeps it).
     *
     * @throws WebhookRejectedException 503 when the broker did not acknowledge in time
     */
    public void publish(String topic, String key, DomainEvent event, String id) {
        Timer.Sample sample = Timer.start();
        try {
            publisher.publish(topic, key, event, properties.publishTimeout(), id);
            sample.stop(metrics.publishAck(topic, "acked"));
        } catch (PublishFailedException | KafkaException | org.springframework.kafka.KafkaException e) {
            // send() itself can throw (e.g. metadata not available within max.block.ms) besides a failed ack
            long millis = sample.stop(metrics.publishAck(topic, "failed")) / 1_000_000;
            // no stack trace: during an outage this line repeats for every webhook
            log.error("Kafka did not acknowledge an event on {} after {} ms (org {}); answering 503: {}", topic, millis,
                    event.orgId(), rootCause(e).toString());
            throw WebhookRejectedException.unavailable(e);
        }
    }
}
