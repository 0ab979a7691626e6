package com.crmfactory.messaging.conversation.inbox;

import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.session.EscalationQueues;
import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.conversation.session.SessionService;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.support.web.ConflictException;

/** What agents do to a conversation from the inbox: take it, hand it to a queue, close it. */
@Service
public class ConversationActionsService {

    private final SessionService sessions;
    private final EscalationQueues queues;
    private final ConversationQueryService query;

    ConversationActionsService(SessionService sessions, EscalationQueues queues, ConversationQueryService query) {
        this.sessions = sessions;
        this.queues = queues;
        this.query = query;
    }

    @Transactional
    public ConversationRow assign(String orgId, String sessionId, ConversationRequests.Assign request) {
        Session session = open(orgId, sessionId);
        String assignee = request.assignee().trim();
        if (!assignee.equals(session.getAssignee())) {
            sessions.assign(session, assignee, request.assignedBy() == null ? assignee : request.assignedBy());
        }
        return query.row(session);
    }

    @Transactional
    public ConversationRow escalate(String orgId, String sessionId, ConversationRequests.Escalate request) {
        Session session = open(orgId, sessionId);
        String queue = request.queue() != null && !request.queue().isBlank() ? request.queue().trim()
                : queues.queueFor(session.getIntent(), null);
        String reason = request.reason() != null && !request.reason().isBlank() ? request.reason().trim() : "agent_request";
        if (!session.isEscalated() || !Objects.equals(queue, session.getQueue())
                || session.getStatus() != SessionStatus.NEEDS_HUMAN) {
            sessions.escalate(session, reason, queue, Author.AGENT);
        }
        return query.row(session);
    }

    @Transactional
    public ConversationRow complete(String orgId, String sessionId, ConversationRequests.Complete request) {
        Session session = open(orgId, sessionId);
        sessions.complete(session, request == null ? null : request.completedBy());
        return query.row(session);
    }

    private Session open(String orgId, String sessionId) {
        Session session = sessions.lockOwned(orgId, sessionId);
        if (!session.isOpen()) {
            throw new ConflictException("This conversation is already " + session.getStatus().wire() + ".");
        }
        return session;
    }
}
