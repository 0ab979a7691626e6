package com.crmfactory.messaging.conversation.message;

import java.time.Instant;

import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.TriggerChannel;
import com.crmfactory.messaging.events.inbound.MessageReceived;

/** A message about to be recorded in a session. */
public record MessageDraft(Author author, String authorId, TriggerChannel triggerChannel, String from, String to,
        String body, MessageContent content, String providerMessageId, String requestId, Instant sentAt) {

    static final int PREVIEW_LENGTH = 140;

    public static MessageDraft inbound(MessageReceived received) {
        return new MessageDraft(Author.CUSTOMER, null, received.triggerChannel(), received.from(), received.to(),
                received.body(), new MessageContent(received.media(), received.interactiveReply(), received.location(),
                        null, null, received.subject(), received.attachments()),
                received.providerMessageId(), null, received.receivedAt());
    }

    /** A message this side sends (AI, agent, automation); its request id is the outbound idempotency key. */
    public static MessageDraft outbound(Author author, String authorId, String from, String to, String body,
            MessageContent content, String requestId, Instant at) {
        return new MessageDraft(author, authorId, null, from, to, body, content, null, requestId, at);
    }

    /** A short text for conversation lists. */
    public String preview() {
        if (body != null && !body.isBlank()) {
            String text = body.strip();
            return text.length() <= PREVIEW_LENGTH ? text : text.substring(0, PREVIEW_LENGTH - 1) + "…";
        }
        if (!content.media().isEmpty()) {
            return "[media]";
        }
        if (content.location() != null) {
            return "[location]";
        }
        if (content.template() != null) {
            return "[template]";
        }
        return content.interactive() != null ? "[interactive]" : "";
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
