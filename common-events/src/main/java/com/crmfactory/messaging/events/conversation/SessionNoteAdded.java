package com.crmfactory.messaging.events.conversation;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Checks;
import java.time.Instant;
import java.util.Objects;

/**
 * An internal note was added to the session's thread, for the people in the inbox only: it was never
 * sent to the customer and is not a message of the conversation (the AI agent does not read it as one).
 *
 * @param author   who wrote it, e.g. AUTOMATION
 * @param authorId e.g. the automation id
 */
@EventPayload
public record SessionNoteAdded(
        String orgId,
        String sessionId,
        String noteId,
        String text,
        Author author,
        String authorId,
        Instant occurredAt) implements DomainEvent {

    public SessionNoteAdded {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(sessionId, "sessionId");
        Checks.notBlank(noteId, "noteId");
        Checks.notBlank(text, "text");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
