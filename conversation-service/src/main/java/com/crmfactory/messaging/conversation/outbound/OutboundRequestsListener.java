package com.crmfactory.messaging.conversation.outbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/** {@code messaging.outbound.requests.v1}: automation messages into the customer's open session. */
@Component
class OutboundRequestsListener {

    static final String CONSUMER = "conversation-service.outbound-requests";

    private final IncomingEvents events;
    private final AutomationMessageService automation;

    OutboundRequestsListener(IncomingEvents events, AutomationMessageService automation) {
        this.events = events;
        this.automation = automation;
    }

    @KafkaListener(id = "conversation-outbound-requests", idIsGroup = false, topics = Topics.OUTBOUND_REQUESTS)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        // only automation's requests are recorded here (the others were emitted by this service): only they are guarded
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof OutboundMessageRequested request && request.origin() == Origin.AUTOMATION
                    && events.isFirstDelivery(CONSUMER, event)) {
                automation.record(request);
            }
        });
    }
}
