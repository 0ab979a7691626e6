package com.crmfactory.messaging.outbound.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.support.consumer.ProcessedEvents;
import com.crmfactory.messaging.support.kafka.EventCodec;

/** {@code messaging.delivery-status.v1}: Twilio status callbacks onto our messages. */
@Component
class DeliveryStatusListener {

    static final String CONSUMER = "outbound-messaging-service.delivery-status";

    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final DeliveryService delivery;

    DeliveryStatusListener(EventCodec codec, ProcessedEvents processed, DeliveryService delivery) {
        this.codec = codec;
        this.processed = processed;
        this.delivery = delivery;
    }

    @KafkaListener(id = "outbound-delivery-status", idIsGroup = false, topics = Topics.DELIVERY_STATUS)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        codec.decode(record).ifPresent(event -> {
            if (event.payload() instanceof DeliveryStatusReported report && processed.firstDelivery(CONSUMER, event.id())) {
                delivery.apply(report);
            }
        });
    }
}
