package com.crmfactory.messaging.conversation.command;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The internal notes of a session, for the thread API (the caller has checked the session is the org's). */
@Service
public class SessionNotes {

    private final SessionNoteRepository notes;

    SessionNotes(SessionNoteRepository notes) {
        this.notes = notes;
    }

    @Transactional(readOnly = true)
    public List<NoteView> of(String orgId, UUID sessionId) {
        return notes.of(orgId, sessionId);
    }
}
