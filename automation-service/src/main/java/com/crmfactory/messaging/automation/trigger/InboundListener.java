package com.crmfactory.messaging.automation.trigger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/** {@code messaging.inbound.v1}: customers' messages, the sms_received and channel_message_received triggers. */
@Component
class InboundListener {

    static final String CONSUMER = "automation-service.inbound";

    private final IncomingEvents events;
    private final TriggerService triggers;

    InboundListener(IncomingEvents events, TriggerService triggers) {
        this.events = events;
        this.triggers = triggers;
    }

    @KafkaListener(id = "automation-inbound", idIsGroup = false, topics = Topics.INBOUND,
            concurrency = "${automation.listener-concurrency:4}")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof MessageReceived message && events.isFirstDelivery(CONSUMER, event)) {
                triggers.inbound(event.id(), message);
            }
        });
    }
}
