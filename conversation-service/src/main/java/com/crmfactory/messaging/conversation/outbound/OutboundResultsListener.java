package com.crmfactory.messaging.conversation.outbound;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.conversation.optout.OptOutService;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.outbound.CustomerOptOutChanged;
import com.crmfactory.messaging.events.outbound.OutboundDeliveryUpdated;
import com.crmfactory.messaging.events.outbound.OutboundMessageAccepted;
import com.crmfactory.messaging.events.outbound.OutboundMessageFailed;
import com.crmfactory.messaging.support.consumer.IncomingEvents;
import com.crmfactory.messaging.support.consumer.RecordBatches;

/**
 * {@code messaging.outbound.results.v1}: acceptance, failure and delivery of the messages we sent, and the customers'
 * opt-out changes (our copy of outbound's state).
 */
@Component
class OutboundResultsListener {

    static final String CONSUMER = "conversation-service.outbound-results";

    private final IncomingEvents events;
    private final DeliveryStatusService delivery;
    private final OptOutService optOuts;
    private final RecordBatches batches;

    OutboundResultsListener(IncomingEvents events, DeliveryStatusService delivery, OptOutService optOuts,
            RecordBatches batches) {
        this.events = events;
        this.delivery = delivery;
        this.optOuts = optOuts;
        this.batches = batches;
    }

    @KafkaListener(id = "conversation-outbound-results", idIsGroup = false, topics = Topics.OUTBOUND_RESULTS, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, "conversation-outbound-results", this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        // Delivery results need no guard row: a status only moves forward, so a repeated one changes nothing
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof OutboundMessageAccepted accepted) {
                delivery.accepted(accepted);
            } else if (event.payload() instanceof OutboundMessageFailed failed) {
                delivery.failed(failed);
            } else if (event.payload() instanceof OutboundDeliveryUpdated updated) {
                delivery.updated(updated);
            } else if (event.payload() instanceof CustomerOptOutChanged change && events.isFirstDelivery(CONSUMER, event)) {
                optOuts.apply(change);
            }
        });
    }
}
