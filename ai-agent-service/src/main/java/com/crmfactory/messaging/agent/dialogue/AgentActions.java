package com.crmfactory.messaging.agent.dialogue;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.agent.EscalationRequested;
import com.crmfactory.messaging.events.agent.InsightsUpdated;
import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.agent.template.TemplateCatalog;
import com.crmfactory.messaging.support.outbox.OutboxWriter;

/** Writes a turn's outcome to {@code agent.actions.v1} through the outbox, in the turn's second (writing) transaction. */
@Component
class AgentActions {

    private final OutboxWriter outbox;
    private final Clock clock;
    private final TemplateCatalog templates;

    AgentActions(OutboxWriter outbox, Clock clock, TemplateCatalog templates) {
        this.outbox = outbox;
        this.clock = clock;
        this.templates = templates;
    }

    void publish(SessionContext c, TurnResult result, String inReplyTo) {
        publish(c, result, inReplyTo, true);
    }

    /**
     * @param mayPropose false when a person took the session over during the turn: no reply and no escalation is
     *                   proposed, only the insights (intent, summary, draft, media analysis) for that person
     */
    void publish(SessionContext c, TurnResult result, String inReplyTo, boolean mayPropose) {
        String key = c.conversationKey();
        Double confidence = result.confidence();
        for (TurnResult.Reply proposed : mayPropose ? result.replies() : List.<TurnResult.Reply>of()) {
            TurnResult.Reply reply = exact(c, proposed);
            if (reply == null) {
                continue;
            }
            outbox.append(Topics.AGENT_ACTIONS, key, new ReplyProposed(c.orgId(), c.sessionId(), UUID.randomUUID().toString(),
                    inReplyTo, reply.text(), null, reply.interactive(), reply.template(), result.intent(), confidence,
                    clock.instant()));
        }
        if (mayPropose && result.escalation() != null) {
            outbox.append(Topics.AGENT_ACTIONS, key, new EscalationRequested(c.orgId(), c.sessionId(),
                    result.escalation().reason(), result.intent(), confidence, result.escalation().summary(),
                    result.escalation().queueHint(), clock.instant()));
        }
        outbox.append(Topics.AGENT_ACTIONS, key, new InsightsUpdated(c.orgId(), c.sessionId(), result.intent(), confidence,
                result.summary(), c.draft(), result.mediaAnalysis(), clock.instant()));
    }

    /** The reply as proposed: its template made the org's own, or its fallback when that template cannot be used. */
    private TurnResult.Reply exact(SessionContext c, TurnResult.Reply reply) {
        if (reply.template() == null) {
            return reply;
        }
        return templates.resolve(c.orgId(), c.channel(), reply.template(), reply.templateMustBeKnown())
                .map(t -> new TurnResult.Reply(reply.text(), reply.interactive(), t))
                .orElseGet(() -> reply.fallback() != null ? reply.fallback()
                        : reply.text() != null || reply.interactive() != null ? new TurnResult.Reply(reply.text(),
                                reply.interactive(), null) : null);
    }
}
