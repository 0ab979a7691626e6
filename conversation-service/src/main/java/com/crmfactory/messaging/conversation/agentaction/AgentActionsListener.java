package com.crmfactory.messaging.conversation.agentaction;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.agent.EscalationRequested;
import com.crmfactory.messaging.events.agent.InsightsUpdated;
import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.support.consumer.IncomingEvents;
import com.crmfactory.messaging.support.consumer.RecordBatches;

/** {@code agent.actions.v1}: what the AI agent proposes, through the gatekeeper. */
@Component
class AgentActionsListener {

    static final String CONSUMER = "conversation-service.agent-actions";

    private final IncomingEvents events;
    private final GatekeeperService gatekeeper;
    private final RecordBatches batches;

    AgentActionsListener(IncomingEvents events, GatekeeperService gatekeeper, RecordBatches batches) {
        this.events = events;
        this.gatekeeper = gatekeeper;
        this.batches = batches;
    }

    @KafkaListener(id = "conversation-agent-actions", idIsGroup = false, topics = Topics.AGENT_ACTIONS, batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, "conversation-agent-actions", this::apply);
    }

    private void apply(ConsumerRecord<String, String> record) {
        events.firstDelivery(CONSUMER, record).ifPresent(payload -> {
            if (payload instanceof ReplyProposed proposal) {
                gatekeeper.propose(proposal);
            } else if (payload instanceof EscalationRequested escalation) {
                gatekeeper.escalate(escalation);
            } else if (payload instanceof InsightsUpdated insights) {
                gatekeeper.insights(insights);
            }
        });
    }
}
