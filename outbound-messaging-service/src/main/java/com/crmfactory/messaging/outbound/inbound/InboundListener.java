package com.crmfactory.messaging.outbound.inbound;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.outbound.message.Dispatcher;
import com.crmfactory.messaging.support.consumer.IncomingEvents;
import com.crmfactory.messaging.support.consumer.RecordBatches;

/**
 * {@code messaging.inbound.v1}: session windows, opt-out/opt-in keywords, HELP. A poll's records share one
 * transaction (decision 0020); a HELP answer is sent after that commit.
 */
@Component
class InboundListener {

    static final String CONSUMER = "outbound-messaging-service.inbound";

    private final IncomingEvents events;
    private final InboundService inbound;
    private final Dispatcher dispatcher;
    private final RecordBatches batches;

    InboundListener(IncomingEvents events, InboundService inbound, Dispatcher dispatcher, RecordBatches batches) {
        this.events = events;
        this.inbound = inbound;
        this.dispatcher = dispatcher;
        this.batches = batches;
    }

    @KafkaListener(id = "outbound-inbound", idIsGroup = false, topics = Topics.INBOUND, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, "outbound-inbound", this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        events.firstDeliveryIf(CONSUMER, record, event -> event instanceof MessageReceived)
                .map(event -> (MessageReceived) event.payload())
                .flatMap(received -> inbound.receive(received, record.key()))
                .ifPresent(requestId -> batches.afterCommit(
                        () -> dispatcher.dispatch(record.key() == null ? requestId : record.key(), requestId)));
    }
}
