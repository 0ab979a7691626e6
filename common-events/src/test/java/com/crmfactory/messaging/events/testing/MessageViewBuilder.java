package com.crmfactory.messaging.events.testing;

import java.time.Instant;
import java.util.List;

import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.InteractiveReply;
import com.crmfactory.messaging.events.common.Location;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.MessageView;
import com.crmfactory.messaging.events.common.TemplateRef;
import com.crmfactory.messaging.events.common.TriggerChannel;

/**
 * A {@link MessageView} built by name: {@code aMessageView().sequence(2).body("hi").build()}. Left out: a fresh
 * message id, the first message of its session, from the customer over SMS (test numbers), a fresh provider SID for a customer's,
 * created now, no body, and the trigger channel that the channel and media imply.
 */
public final class MessageViewBuilder {

    private String messageId = TestDefaults.uuid();
    private long sequence = 1;
    private Author author = Author.CUSTOMER;
    private String authorId;
    private Channel channel = Channel.SMS;
    private TriggerChannel triggerChannel;
    private String from = TestDefaults.CUSTOMER;
    private String to = TestDefaults.BUSINESS;
    private String body;
    private List<Media> media = List.of();
    private InteractiveReply interactiveReply;
    private Location location;
    private Interactive interactive;
    private TemplateRef template;
    private String providerMessageId;
    private String requestId;
    private DeliveryStatus deliveryStatus;
    private Instant createdAt = Instant.now();

    private MessageViewBuilder() {
    }

    public static MessageViewBuilder aMessageView() {
        return new MessageViewBuilder();
    }

    public MessageViewBuilder messageId(String messageId) {
        this.messageId = messageId;
        return this;
    }

    public MessageViewBuilder sequence(long sequence) {
        this.sequence = sequence;
        return this;
    }

    public MessageViewBuilder author(Author author) {
        this.author = author;
        return this;
    }

    public MessageViewBuilder authorId(String authorId) {
        this.authorId = authorId;
        return this;
    }

    public MessageViewBuilder channel(Channel channel) {
        this.channel = channel;
        return this;
    }

    public MessageViewBuilder triggerChannel(TriggerChannel triggerChannel) {
        this.triggerChannel = triggerChannel;
        return this;
    }

    public MessageViewBuilder from(String from) {
        this.from = from;
        return this;
    }

    public MessageViewBuilder to(String to) {
        this.to = to;
        return this;
    }

    public MessageViewBuilder body(String body) {
        this.body = body;
        return this;
    }

    public MessageViewBuilder media(List<Media> media) {
        this.media = media;
        return this;
    }

    public MessageViewBuilder interactiveReply(InteractiveReply interactiveReply) {
        this.interactiveReply = interactiveReply;
        return this;
    }

    public MessageViewBuilder location(Location location) {
        this.location = location;
        return this;
    }

    public MessageViewBuilder interactive(Interactive interactive) {
        this.interactive = interactive;
        return this;
    }

    public MessageViewBuilder template(TemplateRef template) {
        this.template = template;
        return this;
    }

    public MessageViewBuilder providerMessageId(String providerMessageId) {
        this.providerMessageId = providerMessageId;
        return this;
    }

    public MessageViewBuilder requestId(String requestId) {
        this.requestId = requestId;
        return this;
    }

    public MessageViewBuilder deliveryStatus(DeliveryStatus deliveryStatus) {
        this.deliveryStatus = deliveryStatus;
        return this;
    }

    public MessageViewBuilder createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public MessageView build() {
        return new MessageView(messageId, sequence, author, authorId, channel,
                triggerChannel != null ? triggerChannel : TestDefaults.triggerOf(channel, media), from, to, body, media,
                interactiveReply, location, interactive, template,
                providerMessageId != null || author != Author.CUSTOMER ? providerMessageId
                        : TestDefaults.providerMessageId(media), requestId,
                deliveryStatus, createdAt);
    }
}
