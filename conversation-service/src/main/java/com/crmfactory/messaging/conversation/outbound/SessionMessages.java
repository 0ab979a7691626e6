package com.crmfactory.messaging.conversation.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.message.EmailThreads;
import com.crmfactory.messaging.conversation.message.Message;
import com.crmfactory.messaging.conversation.message.MessageContent;
import com.crmfactory.messaging.conversation.message.MessageDraft;
import com.crmfactory.messaging.conversation.message.MessageRecorder;
import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.conversation.session.SessionEvents;
import com.crmfactory.messaging.conversation.session.SessionService;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.common.TemplateRef;

/**
 * How the platform says something in a session, whoever speaks (the AI, a person): the message is recorded in
 * the thread, its send is requested from outbound on the session's own channel (through the outbox, in the same
 * transaction) and the session waits for the customer; in an e-mail session the request answers the customer's last
 * e-mail ({@code Re:} subject, {@code In-Reply-To}, {@code References}). The caller holds the session's lock.
 */
@Component
public class SessionMessages {

    private final SessionService sessions;
    private final SessionEvents events;
    private final MessageRecorder recorder;
    private final EmailThreads emailThreads;
    private final Clock clock;

    SessionMessages(SessionService sessions, SessionEvents events, MessageRecorder recorder, EmailThreads emailThreads,
            Clock clock) {
        this.sessions = sessions;
        this.events = events;
        this.recorder = recorder;
        this.emailThreads = emailThreads;
        this.clock = clock;
    }

    /**
     * What to say.
     *
     * @param authorId the person who wrote it (null for the AI)
     * @param requestedBy what outbound records as the requester (the agent, the AI's proposal id)
     */
    public record Outgoing(Author author, String authorId, Origin origin, String requestId, String text,
            List<Media> media, Interactive interactive, TemplateRef template, String requestedBy) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Message say(Session session, Outgoing outgoing, String statusReason) {
        Instant now = clock.instant();
        MessageContent content = MessageContent.outbound(outgoing.media(), outgoing.interactive(), outgoing.template());
        Message message = recorder.record(session, MessageDraft.outbound(outgoing.author(), outgoing.authorId(),
                session.getBusinessAddress(), session.getCustomerAddress(), outgoing.text(), content,
                outgoing.requestId(), now));
        EmailThreads.Reply emailReply = session.getChannel() == Channel.EMAIL
                ? emailThreads.replyTo(session.getId()).orElse(null) : null;
        events.outboundRequested(session, OutboundRequests.forSession(session, outgoing.origin(), outgoing.requestId(),
                outgoing.text(), outgoing.media(), outgoing.interactive(), outgoing.template(), outgoing.requestedBy(), now,
                emailReply));
        sessions.changeStatus(session, SessionStatus.WAITING_REPLY, statusReason);
        return message;
    }
}
