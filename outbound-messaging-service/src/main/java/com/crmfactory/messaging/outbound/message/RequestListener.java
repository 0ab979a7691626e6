package com.crmfactory.messaging.outbound.message;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.consumer.IncomingEvents;
import com.crmfactory.messaging.support.consumer.RecordBatches;

/**
 * {@code messaging.outbound.requests.v1}: registers the requests of a poll as pending in one transaction (decision
 * 0020), then, once that commits, queues each send on its conversation's lane ({@link SendLanes}), so the records of
 * one conversation go out in order while this thread goes on with the next poll.
 */
@Component
class RequestListener {

    private final IncomingEvents events;
    private final RequestRegistry registry;
    private final Dispatcher dispatcher;
    private final RecordBatches batches;

    RequestListener(IncomingEvents events, RequestRegistry registry, Dispatcher dispatcher, RecordBatches batches) {
        this.events = events;
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.batches = batches;
    }

    @KafkaListener(id = "outbound-requests", idIsGroup = false, topics = Topics.OUTBOUND_REQUESTS,
            concurrency = "${platform.outbound.request-concurrency:4}", batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, "outbound-requests", this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        // no guard row (decision 0019): the request id is the row's unique key, so a redelivery registers nothing
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof OutboundMessageRequested request) {
                registry.register(request, record.key()).ifPresentOrElse(
                        registered -> batches.afterCommit(() -> dispatcher.dispatchNew(registered, request)),
                        // a redelivery: a request registered before a crash may still be pending; it is sent now
                        () -> batches.afterCommit(() -> dispatcher.dispatch(
                                RequestRegistry.conversationKey(request, record.key()), request.requestId())));
            }
        });
    }
}
