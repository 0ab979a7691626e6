package com.crmfactory.messaging.conversation.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.message.Message;
import com.crmfactory.messaging.conversation.message.MessageContent;
import com.crmfactory.messaging.conversation.message.MessageDraft;
import com.crmfactory.messaging.conversation.message.MessageRecorder;
import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.conversation.session.SessionEvents;
import com.crmfactory.messaging.conversation.session.SessionProperties;
import com.crmfactory.messaging.conversation.session.SessionService;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.support.logging.LogMasking;
import com.crmfactory.messaging.support.web.ConflictException;
import com.crmfactory.messaging.support.web.UnprocessableException;

/**
 * A human agent's reply: recorded in the session, requested from outbound on the session's own
 * channel (through the outbox), and the session waits for the customer.
 */
@Service
public class ReplyService {

    private static final Logger log = LoggerFactory.getLogger(ReplyService.class);

    private final SessionService sessions;
    private final SessionEvents events;
    private final MessageRecorder recorder;
    private final SessionProperties properties;
    private final Clock clock;

    ReplyService(SessionService sessions, SessionEvents events, MessageRecorder recorder, SessionProperties properties,
            Clock clock) {
        this.sessions = sessions;
        this.events = events;
        this.recorder = recorder;
        this.properties = properties;
        this.clock = clock;
    }

    /** The recorded reply. */
    public record Reply(String sessionId, String messageId, long sequence, String requestId, SessionStatus status) {
    }

    @Transactional
    public Reply reply(String orgId, String sessionId, String text, String agentId) {
        Session session = sessions.lockOwned(orgId, sessionId);
        Instant now = clock.instant();
        if (!session.isOpen()) {
            throw new ConflictException("This conversation is " + session.getStatus().wire()
                    + ": replies go to open conversations only.");
        }
        if (session.getChannel() == Channel.WHATSAPP
                && !now.isBefore(session.getLastCustomerMessageAt().plus(properties.whatsappFreeFormWindow()))) {
            throw new UnprocessableException("message", "The customer's last WhatsApp message is older than "
                    + properties.whatsappFreeFormWindow().toHours() + " hours: outside that window WhatsApp only "
                    + "delivers approved templates, so a template is required.");
        }
        String requestId = UUID.randomUUID().toString();
        Message message = recorder.record(session, MessageDraft.outbound(Author.AGENT, agentId,
                session.getBusinessAddress(), session.getCustomerAddress(), text, MessageContent.NONE, requestId, now));
        events.outboundRequested(session, OutboundRequests.forSession(session, Origin.AGENT, requestId, text, null,
                null, null, agentId, now));
        session.markHumanInvolved(now);
        sessions.changeStatus(session, SessionStatus.WAITING_REPLY, "agent_reply");
        log.info("Agent reply {} in session {} ({})", requestId, session.getId(), LogMasking.body(text));
        return new Reply(session.getId().toString(), message.getId().toString(), message.getSequence(), requestId,
                session.getStatus());
    }
}
