package com.crmfactory.messaging.events.agent;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.TemplateRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The AI agent would like to say this. Only a proposal: conversation-service records and sends it if
 * the session is still AI-handled, and drops it otherwise. At least one of text, media, interactive or
 * template is present.
 *
 * @param proposalId        unique per proposal; conversation-service derives the outbound request id from it
 * @param inReplyToMessageId the customer message (MessageView.messageId) this answers
 */
@EventPayload
public record ReplyProposed(
        String orgId,
        String sessionId,
        String proposalId,
        String inReplyToMessageId,
        String text,
        List<Media> media,
        Interactive interactive,
        TemplateRef template,
        String intent,
        Double confidence,
        Instant occurredAt) implements DomainEvent {

    public ReplyProposed {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(sessionId, "sessionId");
        Checks.notBlank(proposalId, "proposalId");
        media = Checks.listOf(media);
        if ((text == null || text.isBlank()) && media.isEmpty() && interactive == null && template == null) {
            throw new IllegalArgumentException("a reply needs text, media, interactive or template");
        }
        Checks.confidence(confidence);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
