package com.crmfactory.messaging.conversation.message;

import java.util.List;

import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.EmailAttachment;
import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.InteractiveReply;
import com.crmfactory.messaging.events.common.Location;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.TemplateRef;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a message carries beside its text: media, a tapped reply, a location, interactive content, a template; for an
 * inbound e-mail its subject and what was attached (metadata only: the bytes are not kept, see webhook-ingest-service).
 * Stored as JSON: rows written before {@code subject}/{@code attachments} existed read back with none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MessageContent(List<Media> media, InteractiveReply interactiveReply, Location location,
        Interactive interactive, TemplateRef template, String subject, List<EmailAttachment> attachments) {

    public static final MessageContent NONE = new MessageContent(List.of(), null, null, null, null);

    public MessageContent {
        media = media == null ? List.of() : List.copyOf(media);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public MessageContent(List<Media> media, InteractiveReply interactiveReply, Location location, Interactive interactive,
            TemplateRef template) {
        this(media, interactiveReply, location, interactive, template, null, List.of());
    }

    public static MessageContent outbound(List<Media> media, Interactive interactive, TemplateRef template) {
        return new MessageContent(media, null, null, interactive, template);
    }

    public boolean isEmpty() {
        return media.isEmpty() && interactiveReply == null && location == null && interactive == null && template == null
                && subject == null && attachments.isEmpty();
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
