package com.crmfactory.messaging.conversation.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.EventType;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/**
 * {@code conversation.events.v1} into the live streams. Every instance reads the whole topic in a
 * consumer group of its own (from the latest offset), so a client connected to any replica sees the
 * changes committed by all of them, and only once they are committed (they come from the outbox).
 */
@Component
class ConversationEventsStreamListener {

    private static final Logger log = LoggerFactory.getLogger(ConversationEventsStreamListener.class);

    private final IncomingEvents events;
    private final ConversationStream stream;

    ConversationEventsStreamListener(IncomingEvents events, ConversationStream stream) {
        this.events = events;
        this.stream = stream;
    }

    @KafkaListener(id = "conversation-stream", topics = Topics.CONVERSATION_EVENTS,
            groupId = "${spring.application.name}-stream-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    public void on(ConsumerRecord<String, String> record) {
        try {
            // every delivery: a live view, where a rare repeat after a rebalance is harmless
            events.every(record).ifPresent(event -> stream.publish(event.payload().orgId(),
                    EventType.of(event.payload()).eventName(), event.id(), record.value()));
        } catch (RuntimeException e) {
            // a live view only: never retried nor dead-lettered, the inbox refreshes from the API
            log.warn("Conversation event at {}-{}@{} not streamed: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }
}
