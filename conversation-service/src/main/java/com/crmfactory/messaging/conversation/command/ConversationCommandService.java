package com.crmfactory.messaging.conversation.command;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.conversation.session.SessionEvents;
import com.crmfactory.messaging.conversation.session.SessionService;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.command.NoteAddRequested;
import com.crmfactory.messaging.events.command.QueueAssignmentRequested;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.SessionNoteAdded;
import com.crmfactory.messaging.support.outbox.OutboxWriter;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What automations ask of a session (conversation.commands.v1): an internal note in its thread, or a
 * handoff to a queue through the same escalation path as a person's or the AI agent's. Commands for a
 * session of another org, an unknown or a closed one are dropped and counted.
 */
@Service
public class ConversationCommandService {

    private static final Logger log = LoggerFactory.getLogger(ConversationCommandService.class);

    private final SessionService sessions;
    private final SessionNoteRepository notes;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    ConversationCommandService(SessionService sessions, SessionNoteRepository notes, OutboxWriter outbox,
            MeterRegistry meters, Clock clock) {
        this.sessions = sessions;
        this.notes = notes;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    /** @return whether a note was added */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean addNote(NoteAddRequested command) {
        Optional<Session> found = sessions.lockIfOwned(command.orgId(), command.sessionId());
        if (found.isEmpty()) {
            return dropped("add_note", "unknown_session", command.commandId(), command.orgId());
        }
        Session session = found.get();
        Instant now = clock.instant();
        UUID noteId = UUID.randomUUID();
        if (!notes.insert(noteId, command.orgId(), session.getId(), command.commandId(), Author.AUTOMATION,
                command.requestedBy(), command.text(), now)) {
            return dropped("add_note", "duplicate", command.commandId(), command.orgId());
        }
        // on the conversation stream, so the inbox shows the note live like any other change of the session
        outbox.append(Topics.CONVERSATION_EVENTS, SessionEvents.key(session), new SessionNoteAdded(command.orgId(),
                session.getId().toString(), noteId.toString(), command.text(), Author.AUTOMATION, command.requestedBy(), now));
        meters.counter("conversation.commands.applied", "command", "add_note").increment();
        return true;
    }

    /** @return whether the session was handed to the queue */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean assignQueue(QueueAssignmentRequested command) {
        Optional<Session> found = sessions.lockIfOwned(command.orgId(), command.sessionId());
        if (found.isEmpty() || !found.get().isOpen()) {
            return dropped("assign_queue", found.isEmpty() ? "unknown_session" : "closed", command.commandId(),
                    command.orgId());
        }
        Session session = found.get();
        if (session.getStatus() == SessionStatus.NEEDS_HUMAN && command.queue().equals(session.getQueue())) {
            return dropped("assign_queue", "already_there", command.commandId(), command.orgId());
        }
        sessions.escalate(session, command.reason() == null ? "automation" : command.reason(), command.queue(),
                Author.AUTOMATION);
        meters.counter("conversation.commands.applied", "command", "assign_queue").increment();
        return true;
    }

    private boolean dropped(String command, String reason, String commandId, String orgId) {
        meters.counter("conversation.commands.dropped", "command", command, "reason", reason).increment();
        log.info("Command {} {} (org {}) dropped: {}", command, commandId, orgId, reason);
        return false;
    }
}
