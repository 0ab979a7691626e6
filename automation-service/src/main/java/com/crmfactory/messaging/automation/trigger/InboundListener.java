package com.crmfactory.messaging.automation.trigger;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.support.consumer.IncomingEvents;
import com.crmfactory.messaging.support.consumer.RecordBatches;

/** {@code messaging.inbound.v1}: customers' messages, the sms_received and channel_message_received triggers. */
@Component
class InboundListener {

    static final String CONSUMER = "automation-service.inbound";

    private final IncomingEvents events;
    private final TriggerService triggers;
    private final RecordBatches batches;

    InboundListener(IncomingEvents events, TriggerService triggers, RecordBatches batches) {
        this.events = events;
        this.triggers = triggers;
        this.batches = batches;
    }

    @KafkaListener(id = "automation-inbound", idIsGroup = false, topics = Topics.INBOUND,
            concurrency = "${automation.listener-concurrency:4}", batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, "automation-inbound", this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof MessageReceived message && events.isFirstDelivery(CONSUMER, event)) {
                triggers.inbound(event.id(), message);
            }
        });
    }
}
