package com.crmfactory.messaging.conversation.agentaction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.agent.EscalationRequested;
import com.crmfactory.messaging.events.agent.InsightsUpdated;
import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/** {@code agent.actions.v1}: what the AI agent proposes, through the gatekeeper. */
@Component
class AgentActionsListener {

    static final String CONSUMER = "conversation-service.agent-actions";

    private final IncomingEvents events;
    private final GatekeeperService gatekeeper;

    AgentActionsListener(IncomingEvents events, GatekeeperService gatekeeper) {
        this.events = events;
        this.gatekeeper = gatekeeper;
    }

    @KafkaListener(id = "conversation-agent-actions", idIsGroup = false, topics = Topics.AGENT_ACTIONS)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
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
