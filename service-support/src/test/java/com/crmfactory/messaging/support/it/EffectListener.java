package com.crmfactory.messaging.support.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.support.consumer.IncomingEvents;
import com.crmfactory.messaging.support.kafka.CloudEvent;

/** Records one effect row per event, guarded by the idempotent-consumer table; "poison" always fails. */
@Component
class EffectListener {

    static final String CONSUMER = "support-it";

    private final IncomingEvents events;
    private final JdbcTemplate jdbc;

    EffectListener(IncomingEvents events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = SupportTestApplication.TOPIC)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        apply(events, jdbc, CONSUMER, record);
    }

    static void apply(IncomingEvents events, JdbcTemplate jdbc, String consumer, ConsumerRecord<String, String> record) {
        events.firstDelivery(consumer, record).ifPresent(payload -> {
            DeliveryStatusReported status = (DeliveryStatusReported) payload;
            if ("poison".equals(status.providerStatus())) {
                throw new IllegalStateException("cannot handle this record");
            }
            jdbc.update("INSERT INTO effect (event_id, message_key, sequence) VALUES (?, ?, ?)",
                    CloudEvent.from(record.headers()).orElseThrow().id(),
                    record.key(), Integer.parseInt(status.providerStatus()));
        });
    }
}
