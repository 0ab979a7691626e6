package com.crmfactory.messaging.conversation.outbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.consumer.ProcessedEvents;
import com.crmfactory.messaging.support.kafka.EventCodec;

/** {@code messaging.outbound.requests.v1}: automation messages into the customer's open session. */
@Component
class OutboundRequestsListener {

    static final String CONSUMER = "conversation-service.outbound-requests";

    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final AutomationMessageService automation;

    OutboundRequestsListener(EventCodec codec, ProcessedEvents processed, AutomationMessageService automation) {
        this.codec = codec;
        this.processed = processed;
        this.automation = automation;
    }

    @KafkaListener(id = "conversation-outbound-requests", idIsGroup = false, topics = Topics.OUTBOUND_REQUESTS)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        codec.decode(record).ifPresent(event -> {
            if (event.payload() instanceof OutboundMessageRequested request && request.origin() == Origin.AUTOMATION
                    && processed.firstDelivery(CONSUMER, event.id())) {
                automation.record(request);
            }
        });
    }
}
