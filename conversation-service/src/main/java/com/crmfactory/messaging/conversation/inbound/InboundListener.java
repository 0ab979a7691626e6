package com.crmfactory.messaging.conversation.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/** {@code messaging.inbound.v1}: customer messages into conversations. */
@Component
class InboundListener {

    static final String CONSUMER = "conversation-service.inbound";

    private final IncomingEvents events;
    private final InboundService inbound;

    InboundListener(IncomingEvents events, InboundService inbound) {
        this.events = events;
        this.inbound = inbound;
    }

    @KafkaListener(id = "conversation-inbound", idIsGroup = false, topics = Topics.INBOUND)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        events.firstDelivery(CONSUMER, record).ifPresent(payload -> {
            if (payload instanceof MessageReceived received) {
                inbound.receive(received);
            }
        });
    }
}
