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
import com.crmfactory.messaging.conversation.tenant.VoiceReplies;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.support.logging.LogMasking;
import com.crmfactory.messaging.support.web.ConflictException;
import com.crmfactory.messaging.support.web.UnprocessableException;

/**
 * A human agent's reply: checked ({@link ReplyComposer}: text, media, template, interactive, WhatsApp's window),
 * recorded in the session, requested from outbound on the session's own channel (through the outbox), and the
 * session waits for the customer.
 */
@Service
public class ReplyService {

    private static final Logger log = LoggerFactory.getLogger(ReplyService.class);

    private final SessionService sessions;
    private final SessionMessages messages;
    private final ReplyComposer composer;
    private final Clock clock;
    private final VoiceReplies voiceReplies;

    ReplyService(SessionService sessions, SessionMessages messages, ReplyComposer composer, Clock clock,
            VoiceReplies voiceReplies) {
        this.sessions = sessions;
        this.messages = messages;
        this.composer = composer;
        this.clock = clock;
        this.voiceReplies = voiceReplies;
    }

    /** The recorded reply. */
    public record Reply(String sessionId, String messageId, long sequence, String requestId, SessionStatus status) {
    }

    @Transactional
    public Reply reply(String orgId, String sessionId, ReplyContent.Request content, String agentId) {
        Session session = sessions.lockOwned(orgId, sessionId);
        Instant now = clock.instant();
        if (!session.isOpen()) {
            throw new ConflictException("This conversation is " + session.getStatus().wire()
                    + ": replies go to open conversations only.");
        }
        voiceReplies.refusal(session).ifPresent(reason -> {
            throw new UnprocessableException("sessionId", "A voice session is answered by SMS, and "
                    + (reason.equals(VoiceReplies.SMS_REPLIES_OFF) ? "this org turned SMS replies to calls off"
                            : "the caller's number cannot take an SMS (withheld or not a phone number)")
                    + " (" + reason + ").");
        });
        ReplyComposer.Composed composed = composer.compose(orgId, session.getChannel(), session.getLastCustomerMessageAt(),
                now, content);
        session.markHumanInvolved(now);
        Reply reply = say(session, composed, agentId, "agent_reply");
        log.info("Agent reply {} in session {} ({})", reply.requestId(), session.getId(), LogMasking.body(composed.text()));
        return reply;
    }

    /** Says composed content as an agent in a locked, open session. */
    Reply say(Session session, ReplyComposer.Composed composed, String agentId, String statusReason) {
        String requestId = UUID.randomUUID().toString();
        Message message = messages.say(session, new SessionMessages.Outgoing(Author.AGENT, agentId, Origin.AGENT,
                requestId, composed.text(), composed.media(), composed.interactive(), composed.template(), agentId),
                statusReason);
        return new Reply(session.getId().toString(), message.getId().toString(), message.getSequence(), requestId,
                session.getStatus());
    }
}
