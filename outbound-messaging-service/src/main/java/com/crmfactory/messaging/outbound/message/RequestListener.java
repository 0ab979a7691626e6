package com.crmfactory.messaging.outbound.message;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/**
 * {@code messaging.outbound.requests.v1}: registers the request (idempotent by ce_id and by request id),
 * then sends it on this thread, so the records of one conversation (one partition) go out in order and a
 * sender's rate limit makes them wait in order.
 */
@Component
class RequestListener {

    static final String CONSUMER = "outbound-messaging-service.requests";

    private final IncomingEvents events;
    private final RequestRegistry registry;
    private final Dispatcher dispatcher;

    RequestListener(IncomingEvents events, RequestRegistry registry, Dispatcher dispatcher) {
        this.events = events;
        this.registry = registry;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = "outbound-requests", idIsGroup = false, topics = Topics.OUTBOUND_REQUESTS,
            concurrency = "${platform.outbound.request-concurrency:4}")
    public void on(ConsumerRecord<String, String> record) {
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof OutboundMessageRequested request) {
                events.onceInItsOwnTransaction(CONSUMER, event, () -> registry.register(request, record.key()));
                // also after a redelivery: a request registered before a crash is still pending and is sent now
                dispatcher.dispatch(request.requestId());
            }
        });
    }
}
