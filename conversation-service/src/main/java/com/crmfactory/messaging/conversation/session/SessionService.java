package com.crmfactory.messaging.conversation.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.contact.Contact;
import com.crmfactory.messaging.conversation.web.Ids;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.support.web.NotFoundException;

/**
 * The session lifecycle: open, status changes, escalation, assignment, closing. Every method runs in
 * the caller's transaction on a session whose row the caller locked, and emits its events there.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final SessionRepository sessions;
    private final SessionEvents events;
    private final SessionProperties properties;
    private final Clock clock;

    SessionService(SessionRepository sessions, SessionEvents events, SessionProperties properties, Clock clock) {
        this.sessions = sessions;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The org's session, locked; another org's id or a malformed one is not found. */
    public Session lockOwned(String orgId, String sessionId) {
        return lockIfOwned(orgId, sessionId)
                .orElseThrow(() -> new NotFoundException("Conversation", sessionId));
    }

    public Optional<Session> lockIfOwned(String orgId, String sessionId) {
        return Ids.parse(sessionId).flatMap(id -> sessions.lockByIdAndOrgId(id, orgId));
    }

    public Optional<Session> lockOpen(String orgId, Channel channel, String address) {
        return sessions.lockOpen(orgId, channel.conversationChannel().name(), address);
    }

    /**
     * The open session for a customer message, locked: the current one while its window lasts, else a
     * fresh one (a session whose window passed before this message is expired first), which the message's
     * {@link com.crmfactory.messaging.conversation.message.MessageRecorder} stores.
     */
    public Session openFor(Contact contact, Channel channel, String address, String businessAddress, Instant sentAt) {
        Optional<Session> open = lockOpen(contact.getOrgId(), channel, address);
        if (open.isPresent()) {
            if (open.get().getExpiresAt().isAfter(sentAt)) {
                return open.get();
            }
            expire(open.get());
            sessions.flush();
        }
        Session session = new Session(contact.getOrgId(), contact.getId(), channel, address, businessAddress, sentAt,
                properties.windowOf(channel));
        events.opened(session, contact.displayName(), clock.instant());
        log.info("Session {} opened on {} for org {}", session.getId(), session.getChannel().wire(), session.getOrgId());
        return session;
    }

    /**
     * The open session of a conversation the business starts, locked: the customer's open one on that channel, else
     * a fresh one without a customer message ({@link Session#startedByBusiness}).
     */
    public Session startFor(Contact contact, Channel channel, String address) {
        Optional<Session> open = lockOpen(contact.getOrgId(), channel, address);
        if (open.isPresent()) {
            return open.get();
        }
        Instant now = clock.instant();
        Session session = Session.startedByBusiness(contact.getOrgId(), contact.getId(), channel, address, null, now,
                properties.windowOf(channel));
        sessions.saveAndFlush(session);
        events.opened(session, contact.displayName(), now);
        log.info("Session {} started on {} for org {}", session.getId(), session.getChannel().wire(), session.getOrgId());
        return session;
    }

    /** Moves an open session to another open status (no-op when it is already there). */
    public void changeStatus(Session session, SessionStatus next, String reason) {
        if (session.getStatus() != next && session.isOpen()) {
            SessionStatus previous = session.moveTo(next, clock.instant());
            events.statusChanged(session, previous, reason, clock.instant());
        }
    }

    /** Hands the session to a person: status needs_human, in {@code queue}. */
    public void escalate(Session session, String reason, String queue, Author by) {
        Instant now = clock.instant();
        SessionStatus previous = session.getStatus();
        session.escalate(queue, reason, now);
        if (previous != SessionStatus.NEEDS_HUMAN) {
            events.statusChanged(session, previous, "escalated", now);
        }
        events.escalated(session, by, now);
    }

    public void assign(Session session, String assignee, String assignedBy) {
        Instant now = clock.instant();
        session.assign(assignee, now);
        events.assigned(session, assignedBy, now);
    }

    public void complete(Session session, String by) {
        close(session, SessionStatus.COMPLETED, by, "completed");
    }

    public void expire(Session session) {
        close(session, SessionStatus.EXPIRED, null, "window_expired");
    }

    private void close(Session session, SessionStatus status, String by, String reason) {
        Instant now = clock.instant();
        SessionStatus previous = session.close(status, by, now);
        events.statusChanged(session, previous, reason, now);
        events.closed(session, now);
        log.info("Session {} {} (org {})", session.getId(), status.wire(), session.getOrgId());
    }
}
