package com.crmfactory.messaging.automation.trigger;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.outbound.OutboundDeliveryUpdated;
import com.crmfactory.messaging.events.outbound.OutboundMessageFailed;
import com.crmfactory.messaging.support.consumer.IncomingEvents;
import com.crmfactory.messaging.support.consumer.RecordBatches;

/** {@code messaging.outbound.results.v1}: failed sends and deliveries, the delivery_failed trigger. */
@Component
class OutboundResultsListener {

    static final String CONSUMER = "automation-service.outbound-results";

    private final IncomingEvents events;
    private final TriggerService triggers;
    private final RecordBatches batches;

    OutboundResultsListener(IncomingEvents events, TriggerService triggers, RecordBatches batches) {
        this.events = events;
        this.triggers = triggers;
        this.batches = batches;
    }

    @KafkaListener(id = "automation-outbound-results", idIsGroup = false, topics = Topics.OUTBOUND_RESULTS,
            concurrency = "${automation.state-listener-concurrency:2}", batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, "automation-outbound-results", this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        events.every(record).ifPresent(event -> {
            // accepted sends, reports of progress (sent, delivered, read) and opt-out changes trigger nothing, so they
            // get no guard row either
            if (event.payload() instanceof OutboundMessageFailed failed && events.isFirstDelivery(CONSUMER, event)) {
                triggers.sendFailed(event.id(), failed);
            } else if (event.payload() instanceof OutboundDeliveryUpdated updated && updated.status().isTerminal()
                    && events.isFirstDelivery(CONSUMER, event)) {
                triggers.deliveryUpdated(event.id(), updated);
            }
        });
    }
}
