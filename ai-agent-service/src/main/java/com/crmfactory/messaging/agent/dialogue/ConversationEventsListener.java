package com.crmfactory.messaging.agent.dialogue;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.agent.context.ContextService;
import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.conversation.MessageRecorded;
import com.crmfactory.messaging.events.conversation.SessionAssigned;
import com.crmfactory.messaging.events.conversation.SessionClosed;
import com.crmfactory.messaging.events.conversation.SessionEscalated;
import com.crmfactory.messaging.events.conversation.SessionOpened;
import com.crmfactory.messaging.events.conversation.SessionStatusChanged;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/**
 * {@code conversation.events.v1}: the agent's copy of sessions and messages, and who handles each session;
 * a new customer message makes the session's turn due. Which records the consumer's poll still holds behind this
 * one on its partition tells the turns whether more of a burst is on its way ({@link TurnScheduler}).
 */
@Component
class ConversationEventsListener {

    static final String CONSUMER = "ai-agent-service.conversation-events";

    private final IncomingEvents events;
    private final ContextService context;
    private final TurnScheduler turns;

    ConversationEventsListener(IncomingEvents events, ContextService context, TurnScheduler turns) {
        this.events = events;
        this.context = context;
        this.turns = turns;
    }

    @KafkaListener(id = "agent-conversation-events", idIsGroup = false, topics = Topics.CONVERSATION_EVENTS)
    @Transactional
    public void on(ConsumerRecord<String, String> record, Consumer<?, ?> consumer) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        events.firstDeliveryIf(CONSUMER, record, ConversationEventsListener::isHandled)
                .ifPresent(event -> apply(event.payload(), partition));
        turns.recordHandled(partition, lastOfPoll(record, partition, consumer));
    }

    private void apply(DomainEvent payload, TopicPartition partition) {
        if (payload instanceof SessionOpened opened) {
            context.opened(opened);
        } else if (payload instanceof MessageRecorded recorded) {
            if (context.recorded(recorded)) {
                turns.customerWrote(recorded.sessionId(), partition);
            }
        } else if (payload instanceof SessionAssigned assigned) {
            context.handler(assigned.orgId(), assigned.sessionId(), SessionContext.Handler.human);
        } else if (payload instanceof SessionEscalated escalated) {
            context.handler(escalated.orgId(), escalated.sessionId(), SessionContext.Handler.human);
        } else if (payload instanceof SessionClosed closed) {
            context.handler(closed.orgId(), closed.sessionId(), SessionContext.Handler.closed);
        } else if (payload instanceof SessionStatusChanged changed) {
            SessionContext.Handler handler = ContextService.handlerFor(changed.status());
            if (handler != null) {
                context.handler(changed.orgId(), changed.sessionId(), handler);
            }
        }
    }

    /** Insights and notes are not the agent's business: no guard row is written for them. */
    private static boolean isHandled(DomainEvent payload) {
        return payload instanceof SessionOpened || payload instanceof MessageRecorded || payload instanceof SessionAssigned
                || payload instanceof SessionEscalated || payload instanceof SessionClosed
                || payload instanceof SessionStatusChanged;
    }

    /** The poll returned no record of this partition after this one (the consumer's position is just past it). */
    private static boolean lastOfPoll(ConsumerRecord<?, ?> record, TopicPartition partition, Consumer<?, ?> consumer) {
        try {
            return record.offset() + 1 >= consumer.position(partition);
        } catch (RuntimeException revokedOrClosing) {
            return true;
        }
    }
}
