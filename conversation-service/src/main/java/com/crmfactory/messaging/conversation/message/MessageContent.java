package com.crmfactory.messaging.conversation.message;

import java.util.List;

import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.InteractiveReply;
import com.crmfactory.messaging.events.common.Location;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.TemplateRef;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What a message carries beside its text: media, a tapped reply, a location, interactive content, a template. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MessageContent(List<Media> media, InteractiveReply interactiveReply, Location location,
        Interactive interactive, TemplateRef template) {

    public static final MessageContent NONE = new MessageContent(List.of(), null, null, null, null);

    public MessageContent {
        media = media == null ? List.of() : List.copyOf(media);
    }

    public static MessageContent outbound(List<Media> media, Interactive interactive, TemplateRef template) {
        return new MessageContent(media, null, null, interactive, template);
    }

    public boolean isEmpty() {
        return media.isEmpty() && interactiveReply == null && location == null && interactive == null && template == null;
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
