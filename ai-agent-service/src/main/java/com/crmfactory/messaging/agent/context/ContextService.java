package com.crmfactory.messaging.agent.context;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.MessageView;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.MessageRecorded;
import com.crmfactory.messaging.events.conversation.SessionOpened;

/**
 * Keeps the agent's copy of each session from {@code conversation.events.v1}: who the customer is, the
 * history, and whether the agent may still speak (a session a person took over is never answered).
 * Scheduling the answer to a customer message is the dialogue's ({@code TurnScheduler}).
 */
@Service
public class ContextService {

    private final SessionContextRepository sessions;

    ContextService(SessionContextRepository sessions) {
        this.sessions = sessions;
    }

    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void opened(SessionOpened event) {
        sessions.insertIfAbsent(SessionContext.builder()
                .sessionId(event.sessionId())
                .orgId(event.orgId())
                .contactId(event.contactId())
                .channel(event.channel())
                .customerAddress(event.customerAddress())
                .businessAddress(event.businessAddress())
                .contactName(event.contactName())
                .handler(Objects.requireNonNullElse(handlerFor(event.status()), SessionContext.Handler.ai))
                .build());
    }

    /** Adds the message to the session's history; true when it is a customer message seen for the first time (a turn is due). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean recorded(MessageRecorded event) {
        MessageView m = event.message();
        if (sessions.find(event.orgId(), event.sessionId()).isEmpty()) {
            // SessionOpened not seen (e.g. consumed before this service existed): rebuild from the message
            String customerAddress = m.author() == Author.CUSTOMER ? m.from() : m.to();
            if (customerAddress == null) {
                return false;
            }
            sessions.insertIfAbsent(SessionContext.builder()
                    .sessionId(event.sessionId())
                    .orgId(event.orgId())
                    .contactId(event.contactId() == null ? "unknown" : event.contactId())
                    .channel(m.channel())
                    .customerAddress(customerAddress)
                    .businessAddress(m.author() == Author.CUSTOMER ? m.to() : m.from())
                    .build());
        }
        List<String> media = m.media().stream().map(Media::url).toList();
        String body = m.body() != null ? m.body() : m.interactiveReply() != null ? m.interactiveReply().title() : null;
        boolean added = sessions.addMessage(event.sessionId(), new CustomerMessage(m.messageId(), m.sequence(),
                m.author().name(), body, m.interactiveReply() == null ? null : m.interactiveReply().id(), media, null,
                m.createdAt()));
        if (m.author() == Author.AGENT) {
            sessions.setHandler(event.orgId(), event.sessionId(), SessionContext.Handler.human);
        }
        return added && m.author() == Author.CUSTOMER;
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
