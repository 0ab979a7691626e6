package com.crmfactory.messaging.conversation.command;

import java.time.Instant;

import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Author;

/**
 * An internal note of a thread, as the thread API shows it: {@code kind} is always {@code note}, so a
 * client never mistakes it for a message the customer saw.
 */
public record NoteView(String noteId, String kind, Author author, String authorId, String text, Instant createdAt) {

    public static final String KIND = "note";

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
