package com.crmfactory.messaging.agent.dialogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

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
import com.crmfactory.messaging.support.consumer.RecordBatches;

/**
 * {@code conversation.events.v1}: the agent's copy of sessions and messages, and who handles each session;
 * a new customer message makes the session's turn due. Which records the poll holds behind this one on its partition
 * tells the turns whether more of a burst is on its way ({@link TurnScheduler}). The poll's records share one
 * transaction (decision 0020); the turns start after its commit.
 */
@Component
class ConversationEventsListener {

    static final String CONSUMER = "ai-agent-service.conversation-events";

    private final IncomingEvents events;
    private final ContextService context;
    private final TurnScheduler turns;
    private final RecordBatches batches;

    ConversationEventsListener(IncomingEvents events, ContextService context, TurnScheduler turns, RecordBatches batches) {
        this.events = events;
        this.context = context;
        this.turns = turns;
        this.batches = batches;
    }

    @KafkaListener(id = "agent-conversation-events", idIsGroup = false, topics = Topics.CONVERSATION_EVENTS,
            batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        Map<TopicPartition, Long> lastOffsets = new HashMap<>();
        records.forEach(record -> lastOffsets.merge(partitionOf(record), record.offset(), Math::max));
        batches.apply(records, "agent-conversation-events", record -> {
            TopicPartition partition = partitionOf(record);
            events.firstDeliveryIf(CONSUMER, record, ConversationEventsListener::isHandled)
                    .ifPresent(event -> apply(event.payload(), partition));
            // the poll holds no record of this partition after this one: the turns waiting for the burst's end start
            turns.recordHandled(partition, record.offset() == lastOffsets.get(partition));
        });
    }

    private static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
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
}
