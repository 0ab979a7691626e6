package com.crmfactory.messaging.outbound.message;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/**
 * {@code messaging.outbound.requests.v1}: registers the request, then queues its send on the conversation's lane
 * ({@link SendLanes}), so the records of one conversation go out in order while this thread goes on with the next
 * record.
 */
@Component
class RequestListener {

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
        // no guard row (decision 0019): the request id is the row's unique key, so a redelivery registers nothing
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof OutboundMessageRequested request) {
                Optional<OutboundMessage> registered = registry.register(request, record.key());
                if (registered.isPresent()) {
                    dispatcher.dispatchNew(registered.get(), request);
                } else {
                    // a redelivery: a request registered before a crash may still be pending; it is sent now
                    dispatcher.dispatch(RequestRegistry.conversationKey(request, record.key()), request.requestId());
                }
            }
        });
    }
}
