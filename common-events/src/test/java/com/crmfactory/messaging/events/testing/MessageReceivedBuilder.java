package com.crmfactory.messaging.events.testing;

import java.time.Instant;
import java.util.List;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.InteractiveReply;
import com.crmfactory.messaging.events.common.Location;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.OptOutType;
import com.crmfactory.messaging.events.common.TriggerChannel;
import com.crmfactory.messaging.events.inbound.MessageReceived;

/**
 * A {@link MessageReceived} built by name: {@code aMessageReceived().from("+1…").body("hi").build()}. Left out:
 * org {@code org-1}, a fresh SID, SMS from a test customer to a test business number, received now, no body, and the
 * trigger channel that the channel and media imply.
 */
public final class MessageReceivedBuilder {

    private String orgId = TestDefaults.ORG;
    private String providerMessageId;
    private Channel channel = Channel.SMS;
    private TriggerChannel triggerChannel;
    private String from = TestDefaults.CUSTOMER;
    private String to = TestDefaults.BUSINESS;
    private String body;
    private List<Media> media = List.of();
    private String profileName;
    private String waId;
    private InteractiveReply interactiveReply;
    private Location location;
    private OptOutType optOutType;
    private String inReplyToProviderMessageId;
    private String messagingServiceSid;
    private Instant receivedAt = Instant.now();

    private MessageReceivedBuilder() {
    }

    public static MessageReceivedBuilder aMessageReceived() {
        return new MessageReceivedBuilder();
    }

    public MessageReceivedBuilder orgId(String orgId) {
        this.orgId = orgId;
        return this;
    }

    public MessageReceivedBuilder providerMessageId(String providerMessageId) {
        this.providerMessageId = providerMessageId;
        return this;
    }

    public MessageReceivedBuilder channel(Channel channel) {
        this.channel = channel;
        return this;
    }

    public MessageReceivedBuilder triggerChannel(TriggerChannel triggerChannel) {
        this.triggerChannel = triggerChannel;
        return this;
    }

    public MessageReceivedBuilder from(String from) {
        this.from = from;
        return this;
    }

    public MessageReceivedBuilder to(String to) {
        this.to = to;
        return this;
    }

    public MessageReceivedBuilder body(String body) {
        this.body = body;
        return this;
    }

    public MessageReceivedBuilder media(List<Media> media) {
        this.media = media;
        return this;
    }

    public MessageReceivedBuilder profileName(String profileName) {
        this.profileName = profileName;
        return this;
    }

    public MessageReceivedBuilder waId(String waId) {
        this.waId = waId;
        return this;
    }

    public MessageReceivedBuilder interactiveReply(InteractiveReply interactiveReply) {
        this.interactiveReply = interactiveReply;
        return this;
    }

    public MessageReceivedBuilder location(Location location) {
        this.location = location;
        return this;
    }

    public MessageReceivedBuilder optOutType(OptOutType optOutType) {
        this.optOutType = optOutType;
        return this;
    }

    public MessageReceivedBuilder inReplyToProviderMessageId(String inReplyToProviderMessageId) {
        this.inReplyToProviderMessageId = inReplyToProviderMessageId;
        return this;
    }

    public MessageReceivedBuilder messagingServiceSid(String messagingServiceSid) {
        this.messagingServiceSid = messagingServiceSid;
        return this;
    }

    public MessageReceivedBuilder receivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
        return this;
    }

    public MessageReceived build() {
        return new MessageReceived(orgId,
                providerMessageId != null ? providerMessageId : TestDefaults.providerMessageId(media), channel,
                triggerChannel != null ? triggerChannel : TestDefaults.triggerOf(channel, media), from, to, body, media,
                profileName, waId, interactiveReply, location, optOutType, inReplyToProviderMessageId, messagingServiceSid,
                receivedAt);
    }
}
