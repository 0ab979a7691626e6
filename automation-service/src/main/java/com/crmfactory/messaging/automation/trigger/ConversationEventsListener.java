package com.crmfactory.messaging.automation.trigger;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.conversation.SessionClosed;
import com.crmfactory.messaging.events.conversation.SessionEscalated;
import com.crmfactory.messaging.events.conversation.SessionInsightsUpdated;
import com.crmfactory.messaging.events.conversation.SessionOpened;
import com.crmfactory.messaging.events.conversation.SessionStatusChanged;
import com.crmfactory.messaging.support.consumer.IncomingEvents;
import com.crmfactory.messaging.support.consumer.RecordBatches;

/**
 * {@code conversation.events.v1}: the session state automations read, and the conversation_escalated,
 * session_completed and session_expired triggers. Recorded messages are left alone: customers' messages
 * trigger from messaging.inbound.v1, and the others are the platform's own.
 */
@Component
class ConversationEventsListener {

    static final String CONSUMER = "automation-service.conversation-events";

    private final IncomingEvents events;
    private final TriggerService triggers;
    private final RecordBatches batches;

    ConversationEventsListener(IncomingEvents events, TriggerService triggers, RecordBatches batches) {
        this.events = events;
        this.triggers = triggers;
        this.batches = batches;
    }

    @KafkaListener(id = "automation-conversation-events", idIsGroup = false, topics = Topics.CONVERSATION_EVENTS,
            concurrency = "${automation.state-listener-concurrency:2}", batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, "automation-conversation-events", this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        // recorded messages, assignments, notes: nothing for automations (and no guard row for them)
        events.firstDeliveryIf(CONSUMER, record, ConversationEventsListener::isTrigger).ifPresent(event -> {
            if (event.payload() instanceof SessionOpened opened) {
                triggers.sessionOpened(opened);
            } else if (event.payload() instanceof SessionStatusChanged changed) {
                triggers.statusChanged(changed);
            } else if (event.payload() instanceof SessionInsightsUpdated insights) {
                triggers.insights(insights);
            } else if (event.payload() instanceof SessionEscalated escalated) {
                triggers.escalated(event.id(), escalated);
            } else if (event.payload() instanceof SessionClosed closed) {
                triggers.closed(event.id(), closed);
            }
        });
    }

    private static boolean isTrigger(DomainEvent payload) {
        return payload instanceof SessionOpened || payload instanceof SessionStatusChanged
                || payload instanceof SessionInsightsUpdated || payload instanceof SessionEscalated
                || payload instanceof SessionClosed;
    }
}
