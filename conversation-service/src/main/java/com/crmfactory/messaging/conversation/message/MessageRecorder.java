package com.crmfactory.messaging.conversation.message;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.conversation.session.SessionEvents;
import com.crmfactory.messaging.conversation.session.SessionProperties;

/**
 * The one way a message enters a session: takes the next sequence number of the (locked) session,
 * stores the message and emits {@code MessageRecorded} in the same transaction.
 */
@Component
public class MessageRecorder {

    private final MessageRepository messages;
    private final SessionEvents events;
    private final SessionProperties properties;
    private final Clock clock;

    MessageRecorder(MessageRepository messages, SessionEvents events, SessionProperties properties, Clock clock) {
        this.messages = messages;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Message record(Session lockedSession, MessageDraft draft) {
        Instant now = clock.instant();
        long sequence = lockedSession.appendMessage(draft.author(), draft.sentAt(), draft.preview(),
                properties.windowOf(lockedSession.getChannel()), now);
        Message message = messages.saveAndFlush(new Message(lockedSession, sequence, draft, now));
        events.messageRecorded(lockedSession, message.toView(), now);
        return message;
    }
}
