package com.crmfactory.messaging.outbound.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/** {@code messaging.delivery-status.v1}: Twilio status callbacks onto our messages. */
@Component
class DeliveryStatusListener {

    private final IncomingEvents events;
    private final DeliveryService delivery;

    DeliveryStatusListener(IncomingEvents events, DeliveryService delivery) {
        this.events = events;
        this.delivery = delivery;
    }

    @KafkaListener(id = "outbound-delivery-status", idIsGroup = false, topics = Topics.DELIVERY_STATUS)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        // no guard row: a status only moves forward and only a move publishes, so a redelivered report changes nothing
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof DeliveryStatusReported report) {
                delivery.apply(report);
            }
        });
    }
}
