package com.crmfactory.messaging.conversation.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.support.consumer.ProcessedEvents;
import com.crmfactory.messaging.support.kafka.EventCodec;

/** {@code messaging.inbound.v1}: customer messages into conversations. */
@Component
class InboundListener {

    static final String CONSUMER = "conversation-service.inbound";

    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final InboundService inbound;

    InboundListener(EventCodec codec, ProcessedEvents processed, InboundService inbound) {
        this.codec = codec;
        this.processed = processed;
        this.inbound = inbound;
    }

    @KafkaListener(id = "conversation-inbound", idIsGroup = false, topics = Topics.INBOUND)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        codec.decode(record).ifPresent(event -> {
            if (event.payload() instanceof MessageReceived received && processed.firstDelivery(CONSUMER, event.id())) {
                inbound.receive(received);
            }
        });
    }
}
