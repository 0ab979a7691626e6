package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A whole message as stored in a conversation, so consumers (AI agent, automations, inbox) can keep
 * their own history without calling conversation-service. Inbound messages carry the provider id and
 * what the customer sent; outbound ones carry the request id, what was sent and its delivery status.
 *
 * @param sequence   1-based position in the session, gap-free, for ordering and dedupe
 * @param authorId   who among {@code author}: agent user id, automation id; null for customer and AI
 * @param createdAt  when the customer sent it (inbound) or when it was recorded (outbound)
 */
@EventPayload
public record MessageView(
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
        Instant createdAt) {

    public MessageView {
        Checks.notBlank(messageId, "messageId");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(channel, "channel");
        media = Checks.listOf(media);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
