package com.crmfactory.messaging.outbound.delivery;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.support.consumer.IncomingEvents;
import com.crmfactory.messaging.support.consumer.RecordBatches;

/** {@code messaging.delivery-status.v1}: Twilio status callbacks onto our messages. */
@Component
class DeliveryStatusListener {

    private final IncomingEvents events;
    private final DeliveryService delivery;
    private final RecordBatches batches;

    DeliveryStatusListener(IncomingEvents events, DeliveryService delivery, RecordBatches batches) {
        this.events = events;
        this.delivery = delivery;
        this.batches = batches;
    }

    @KafkaListener(id = "outbound-delivery-status", idIsGroup = false, topics = Topics.DELIVERY_STATUS, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, "outbound-delivery-status", this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        // no guard row: a status only moves forward and only a move publishes, so a redelivered report changes nothing
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof DeliveryStatusReported report) {
                delivery.apply(report);
            }
        });
    }
}
