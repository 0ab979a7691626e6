package com.crmfactory.messaging.conversation.inbox;

import java.time.Instant;
import java.util.List;

import com.crmfactory.messaging.conversation.message.Message;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.MediaAnalysis;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.common.EmailAttachment;
import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.InteractiveReply;
import com.crmfactory.messaging.events.common.Location;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.MessageView;
import com.crmfactory.messaging.events.common.TemplateRef;
import com.crmfactory.messaging.events.common.TriggerChannel;

/**
 * One message of a thread; {@code deliveryStatus} is null for customer messages and unsent requests; {@code subject}
 * and {@code attachments} (metadata: file name, type, size, content id; the files are not kept) only for an inbound
 * e-mail.
 */
public record MessageResponse(
        String messageId,
        long sequence,
        Author author,
        String authorId,
        Channel channel,
        TriggerChannel triggerChannel,
        String from,
        String to,
        String body,
        List<Media> media,
        InteractiveReply interactiveReply,
        Location location,
        Interactive interactive,
        TemplateRef template,
        String providerMessageId,
        String requestId,
        DeliveryStatus deliveryStatus,
        String errorCode,
        String errorMessage,
        List<MediaAnalysis> mediaAnalysis,
        String subject,
        List<EmailAttachment> attachments,
        Instant createdAt) {

    public static MessageResponse of(Message message) {
        MessageView view = message.toView();
        return new MessageResponse(view.messageId(), view.sequence(), view.author(), view.authorId(), view.channel(),
                view.triggerChannel(), view.from(), view.to(), view.body(), view.media(), view.interactiveReply(),
                view.location(), view.interactive(), view.template(), view.providerMessageId(), view.requestId(),
                view.deliveryStatus(), message.getErrorCode(), message.getErrorMessage(), message.getMediaAnalysis(),
                message.getContent().subject(), message.getContent().attachments(), view.createdAt());
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
