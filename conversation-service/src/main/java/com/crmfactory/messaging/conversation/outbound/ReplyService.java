package com.crmfactory.messaging.conversation.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.message.Message;
import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.conversation.session.SessionService;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.common.WhatsAppWindow;
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
    private final SessionMessages messages;
    private final WhatsAppWindow whatsappWindow;
    private final Clock clock;

    ReplyService(SessionService sessions, SessionMessages messages, WhatsAppWindow whatsappWindow, Clock clock) {
        this.sessions = sessions;
        this.messages = messages;
        this.whatsappWindow = whatsappWindow;
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
        if (session.getChannel() == Channel.WHATSAPP && !whatsappWindow.isOpen(session.getLastCustomerMessageAt(), now)) {
            throw new UnprocessableException("message", "The customer's last WhatsApp message is older than "
                    + whatsappWindow.length().toHours() + " hours: outside that window WhatsApp only "
                    + "delivers approved templates, so a template is required.");
        }
        String requestId = UUID.randomUUID().toString();
        session.markHumanInvolved(now);
        Message message = messages.say(session, new SessionMessages.Outgoing(Author.AGENT, agentId, Origin.AGENT,
                requestId, text, null, null, null, agentId), "agent_reply");
        log.info("Agent reply {} in session {} ({})", requestId, session.getId(), LogMasking.body(text));
        return new Reply(session.getId().toString(), message.getId().toString(), message.getSequence(), requestId,
                session.getStatus());
    }
}
