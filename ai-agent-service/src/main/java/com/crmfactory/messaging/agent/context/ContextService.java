package com.crmfactory.messaging.agent.context;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.agent.dialogue.AgentProperties;
import com.crmfactory.messaging.agent.dialogue.TurnScheduler;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.MessageView;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.MessageRecorded;
import com.crmfactory.messaging.events.conversation.SessionOpened;

/**
 * Keeps the agent's copy of each session from {@code conversation.events.v1}: who the customer is, the
 * history, and whether the agent may still speak (a session a person took over is never answered).
 * A customer message does not get an answer at once: it makes the session due after a short debounce,
 * so several messages sent in a burst are answered in one turn.
 */
@Service
public class ContextService {

    private final SessionContextRepository sessions;
    private final TurnScheduler scheduler;
    private final AgentProperties properties;
    private final Clock clock;

    ContextService(SessionContextRepository sessions, TurnScheduler scheduler, AgentProperties properties, Clock clock) {
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void opened(SessionOpened event) {
        SessionContext c = new SessionContext();
        c.sessionId = event.sessionId();
        c.orgId = event.orgId();
        c.contactId = event.contactId();
        c.channel = event.channel();
        c.customerAddress = event.customerAddress();
        c.businessAddress = event.businessAddress();
        c.contactName = event.contactName();
        c.handler = event.status() == SessionStatus.NEEDS_HUMAN ? SessionContext.Handler.human
                : event.status().isClosed() ? SessionContext.Handler.closed : SessionContext.Handler.ai;
        sessions.insertIfAbsent(c);
    }

    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void recorded(MessageRecorded event) {
        MessageView m = event.message();
        if (sessions.find(event.orgId(), event.sessionId()).isEmpty()) {
            // SessionOpened not seen (e.g. consumed before this service existed): rebuild from the message
            SessionContext c = new SessionContext();
            c.sessionId = event.sessionId();
            c.orgId = event.orgId();
            c.contactId = event.contactId() == null ? "unknown" : event.contactId();
            c.channel = m.channel();
            c.customerAddress = m.author() == Author.CUSTOMER ? m.from() : m.to();
            c.businessAddress = m.author() == Author.CUSTOMER ? m.to() : m.from();
            if (c.customerAddress == null) {
                return;
            }
            sessions.insertIfAbsent(c);
        }
        List<String> media = m.media().stream().map(Media::url).toList();
        String body = m.body() != null ? m.body() : m.interactiveReply() != null ? m.interactiveReply().title() : null;
        boolean added = sessions.addMessage(event.sessionId(), new CustomerMessage(m.messageId(), m.sequence(),
                m.author().name(), body, m.interactiveReply() == null ? null : m.interactiveReply().id(), media, null,
                m.createdAt()));
        if (m.author() == Author.AGENT) {
            sessions.setHandler(event.orgId(), event.sessionId(), SessionContext.Handler.human);
        } else if (added && m.author() == Author.CUSTOMER) {
            sessions.markDue(event.sessionId(), clock.instant().plus(properties.debounce()));
            scheduler.afterCommit(event.sessionId(), properties.debounce());
        }
    }

    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void handler(String orgId, String sessionId, SessionContext.Handler handler) {
        sessions.setHandler(orgId, sessionId, handler);
    }

    public static SessionContext.Handler handlerFor(SessionStatus status) {
        return status == SessionStatus.NEEDS_HUMAN ? SessionContext.Handler.human
                : status.isClosed() ? SessionContext.Handler.closed : null;
    }
}
