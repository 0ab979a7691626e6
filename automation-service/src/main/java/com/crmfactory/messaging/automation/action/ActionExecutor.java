package com.crmfactory.messaging.automation.action;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.command.NoteAddRequested;
import com.crmfactory.messaging.events.command.QueueAssignmentRequested;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.TemplateRef;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.outbox.OutboxWriter;

/**
 * Carries out rendered actions. Messages and commands go only through the outbox, in the run's
 * transaction: they are published if and only if the step's record commits. Messages are requests to
 * outbound-messaging-service like any other (windows, opt-outs, rate limits apply) with origin
 * AUTOMATION, so conversation-service shows them in the thread as author automation.
 */
@Component
public class ActionExecutor {

    private final OutboxWriter outbox;
    private final HttpCaller http;
    private final Clock clock;

    ActionExecutor(OutboxWriter outbox, HttpCaller http, Clock clock) {
        this.outbox = outbox;
        this.http = http;
        this.clock = clock;
    }

    /** Emits a message or a command; returns the step's output. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Object> emit(RenderedAction action, StepContext step) {
        String id = step.derivedId();
        String requestedBy = step.automationId().toString();
        Map<String, Object> output = new LinkedHashMap<>();
        if (action instanceof RenderedAction.Message m) {
            TemplateRef template = m.templateKey() == null ? null
                    : new TemplateRef(m.templateKey(), null, null, m.templateVariables());
            outbox.append(Topics.OUTBOUND_REQUESTS, m.conversationKey(), new OutboundMessageRequested(step.orgId(), id,
                    Origin.AUTOMATION, m.sessionId(), m.channel(), m.to(), m.subject(), m.body(), null, template, null,
                    null, requestedBy, clock.instant()));
            output.put("requestId", id);
        } else if (action instanceof RenderedAction.Note n) {
            outbox.append(Topics.CONVERSATION_COMMANDS, n.conversationKey(), new NoteAddRequested(step.orgId(), id,
                    n.sessionId(), n.text(), requestedBy, clock.instant()));
            output.put("commandId", id);
        } else if (action instanceof RenderedAction.Queue q) {
            outbox.append(Topics.CONVERSATION_COMMANDS, q.conversationKey(), new QueueAssignmentRequested(
                    step.orgId(), id, q.sessionId(), q.queue(), "automation", requestedBy, clock.instant()));
            output.put("commandId", id);
        } else {
            throw new IllegalArgumentException("not emitted through the outbox: " + action.type());
        }
        return output;
    }

    /** Calls the URL (outside any transaction: it may take the timeout times the attempts). */
    public Map<String, Object> call(RenderedAction.Http request, StepContext step) {
        HttpCaller.Outcome outcome = http.post(step, request.url(), request.body());
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("status", outcome.status());
        output.put("attempts", outcome.attempts());
        return output;
    }
}
