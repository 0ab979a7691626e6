package com.crmfactory.messaging.conversation.inbound;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.support.consumer.IncomingEvents;
import com.crmfactory.messaging.support.consumer.RecordBatches;

/** {@code messaging.inbound.v1}: customer messages into conversations. */
@Component
class InboundListener {

    static final String CONSUMER = "conversation-service.inbound";

    private final IncomingEvents events;
    private final InboundService inbound;
    private final RecordBatches batches;

    InboundListener(IncomingEvents events, InboundService inbound, RecordBatches batches) {
        this.events = events;
        this.inbound = inbound;
        this.batches = batches;
    }

    @KafkaListener(id = "conversation-inbound", idIsGroup = false, topics = Topics.INBOUND, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, "conversation-inbound", this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        events.firstDelivery(CONSUMER, record).ifPresent(payload -> {
            if (payload instanceof MessageReceived received) {
                inbound.receive(received);
            }
        });
    }
}
