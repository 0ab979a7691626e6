package com.crmfactory.messaging.support.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.support.consumer.ProcessedEvents;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.support.kafka.IncomingEvent;

/** Records one effect row per event, guarded by the idempotent-consumer table; "poison" always fails. */
@Component
class EffectListener {

    static final String CONSUMER = "support-it";

    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final JdbcTemplate jdbc;

    EffectListener(EventCodec codec, ProcessedEvents processed, JdbcTemplate jdbc) {
        this.codec = codec;
        this.processed = processed;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = SupportTestApplication.TOPIC)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = codec.decode(record).orElseThrow();
        DeliveryStatusReported status = (DeliveryStatusReported) event.payload();
        if ("poison".equals(status.providerStatus())) {
            throw new IllegalStateException("cannot handle this record");
        }
        if (processed.firstDelivery(CONSUMER, event.id())) {
            jdbc.update("INSERT INTO effect (event_id, message_key, sequence) VALUES (?, ?, ?)", event.id(),
                    record.key(), Integer.parseInt(status.providerStatus()));
        }
    }
}
