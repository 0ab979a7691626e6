package com.crmfactory.messaging.conversation.session;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.MessageView;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.MessageRecorded;
import com.crmfactory.messaging.events.conversation.SessionAssigned;
import com.crmfactory.messaging.events.conversation.SessionClosed;
import com.crmfactory.messaging.events.conversation.SessionEscalated;
import com.crmfactory.messaging.events.conversation.SessionInsightsUpdated;
import com.crmfactory.messaging.events.conversation.SessionOpened;
import com.crmfactory.messaging.events.conversation.SessionStatusChanged;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.outbox.OutboxWriter;

/**
 * Everything this service says about a session, through the outbox in the caller's transaction and
 * keyed by the conversation key. Callers hold the session's row lock, so per-key order is commit order.
 */
@Component
public class SessionEvents {

    private final OutboxWriter outbox;

    SessionEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public static String key(Session session) {
        return ConversationKey.of(session.getOrgId(), session.getChannel(), session.getCustomerAddress()).value();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void opened(Session session, String contactName, Instant at) {
        conversation(session, new SessionOpened(session.getOrgId(), id(session), session.getContactId().toString(),
                session.getChannel(), session.getCustomerAddress(), session.getBusinessAddress(), session.getStatus(),
                contactName, session.getExpiresAt(), at));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void messageRecorded(Session session, MessageView message, Instant at) {
        conversation(session, new MessageRecorded(session.getOrgId(), id(session), session.getContactId().toString(),
                message, at));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void statusChanged(Session session, SessionStatus previous, String reason, Instant at) {
        conversation(session, new SessionStatusChanged(session.getOrgId(), id(session), previous, session.getStatus(),
                reason, at));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void escalated(Session session, Author by, Instant at) {
        conversation(session, new SessionEscalated(session.getOrgId(), id(session), session.getQueue(),
                session.getEscalationReason(), session.getIntent(), session.getSummary(), by, at));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void assigned(Session session, String assignedBy, Instant at) {
        conversation(session, new SessionAssigned(session.getOrgId(), id(session), session.getAssignee(), assignedBy,
                session.getQueue(), at));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void insightsUpdated(Session session, Instant at) {
        conversation(session, new SessionInsightsUpdated(session.getOrgId(), id(session), session.getIntent(),
                session.getIntentConfidence(), session.getSummary(), session.getOrderContext(), at));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void closed(Session session, Instant at) {
        conversation(session, new SessionClosed(session.getOrgId(), id(session), session.getStatus(),
                session.getClosedBy(), session.isEscalated(), at));
    }

    /** An outbound request for this session's customer, on {@code messaging.outbound.requests.v1}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void outboundRequested(Session session, OutboundMessageRequested request) {
        outbox.append(Topics.OUTBOUND_REQUESTS, key(session), request);
    }

    private void conversation(Session session, DomainEvent event) {
        outbox.append(Topics.CONVERSATION_EVENTS, key(session), event);
    }

    private static String id(Session session) {
        return session.getId().toString();
    }
}
