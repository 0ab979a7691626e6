package com.crmfactory.messaging.conversation.message;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.conversation.session.SessionEvents;
import com.crmfactory.messaging.conversation.session.SessionProperties;
import com.crmfactory.messaging.conversation.session.SessionRepository;
import com.crmfactory.messaging.conversation.session.SessionService;

/**
 * The one way a message enters a session: takes the next sequence number of the (locked) session,
 * stores the message and emits {@code MessageRecorded} in the same transaction. A session {@link SessionService#openFor
 * opened} for the message is stored here, with its first message counted.
 */
@Component
public class MessageRecorder {

    private final MessageRepository messages;
    private final SessionRepository sessions;
    private final SessionEvents events;
    private final SessionProperties properties;
    private final Clock clock;

    MessageRecorder(MessageRepository messages, SessionRepository sessions, SessionEvents events,
            SessionProperties properties, Clock clock) {
        this.messages = messages;
        this.sessions = sessions;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Message record(Session lockedSession, MessageDraft draft) {
        Instant now = clock.instant();
        long sequence = lockedSession.appendMessage(draft.author(), draft.sentAt(), draft.preview(),
                properties.windowOf(lockedSession.getChannel()), now);
        if (lockedSession.isNew()) {
            // a session opened for this message is stored with it: one INSERT, already counting the message (flushed
            // at once: an e-mail's thread row, written with plain JDBC, refers to it)
            sessions.saveAndFlush(lockedSession);
        }
        // stored at the next flush (the batch's, or the commit's): later changes of the session in this transaction,
        // such as its status, then go into the one UPDATE of its row
        Message message = messages.save(new Message(lockedSession, sequence, draft, now));
        events.messageRecorded(lockedSession, message.toView(), now);
        return message;
    }
}
