package com.crmfactory.messaging.outbound.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.outbound.message.Dispatcher;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/**
 * {@code messaging.inbound.v1}: session windows, opt-out/opt-in keywords, HELP. The state changes commit once per
 * event; a HELP answer is sent after that commit.
 */
@Component
class InboundListener {

    static final String CONSUMER = "outbound-messaging-service.inbound";

    private final IncomingEvents events;
    private final InboundService inbound;
    private final Dispatcher dispatcher;

    InboundListener(IncomingEvents events, InboundService inbound, Dispatcher dispatcher) {
        this.events = events;
        this.inbound = inbound;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = "outbound-inbound", idIsGroup = false, topics = Topics.INBOUND)
    public void on(ConsumerRecord<String, String> record) {
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof MessageReceived received) {
                events.onceInItsOwnTransaction(CONSUMER, event, () -> inbound.receive(received, record.key()))
                        .flatMap(help -> help)
                        .ifPresent(requestId -> dispatcher.dispatch(record.key() == null ? requestId : record.key(), requestId));
            }
        });
    }
}
