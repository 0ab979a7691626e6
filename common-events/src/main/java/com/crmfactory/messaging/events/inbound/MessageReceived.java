package com.crmfactory.messaging.events.inbound;

import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.EmailAttachment;
import com.crmfactory.messaging.events.common.InteractiveReply;
import com.crmfactory.messaging.events.common.Location;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.OptOutType;
import com.crmfactory.messaging.events.common.TriggerChannel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer message as the provider delivered it, before any conversation logic. Published by the
 * webhook ingest service on {@code messaging.inbound.v1}, keyed by {@link #conversationKey()}.
 *
 * @param channel            the conversation channel: whatsapp when {@code From} is {@code whatsapp:…}, else sms
 * @param triggerChannel     what arrived: mms when an SMS carries media
 * @param from               the customer address, as Twilio writes it ({@code whatsapp:+…} kept)
 * @param to                 the org's number that received it
 * @param body               may be empty (media-only, location); for a tap it holds the tapped title
 * @param profileName        WhatsApp display name ({@code ProfileName})
 * @param waId               WhatsApp id, phone digits without '+' ({@code WaId})
 * @param optOutType         set only when Twilio Advanced Opt-Out matched a keyword (it already replied)
 * @param inReplyToProviderMessageId the message the customer quoted or whose button was tapped
 * @param subject            e-mail: the subject line
 * @param emailMessageId     e-mail: the {@code Message-ID} header, for threading the replies
 * @param references         e-mail: the {@code References} (else {@code In-Reply-To}) message ids, oldest first
 * @param attachments        e-mail: what was attached (metadata only, the bytes are not kept)
 */
@EventPayload
public record MessageReceived(
        String orgId,
        String providerMessageId,
        Channel channel,
        TriggerChannel triggerChannel,
        String from,
        String to,
        String body,
        List<Media> media,
        String profileName,
        String waId,
        InteractiveReply interactiveReply,
        Location location,
        OptOutType optOutType,
        String inReplyToProviderMessageId,
        String messagingServiceSid,
        Instant receivedAt,
        String subject,
        String emailMessageId,
        List<String> references,
        List<EmailAttachment> attachments) implements DomainEvent {

    public MessageReceived {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(providerMessageId, "providerMessageId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(triggerChannel, "triggerChannel");
        Checks.notBlank(from, "from");
        Checks.notBlank(to, "to");
        media = Checks.listOf(media);
        Objects.requireNonNull(receivedAt, "receivedAt");
        references = Checks.listOf(references);
        attachments = Checks.listOf(attachments);
    }

    /** A message without the e-mail fields (SMS, MMS, WhatsApp, voice). */
    public MessageReceived(String orgId, String providerMessageId, Channel channel, TriggerChannel triggerChannel,
            String from, String to, String body, List<Media> media, String profileName, String waId,
            InteractiveReply interactiveReply, Location location, OptOutType optOutType,
            String inReplyToProviderMessageId, String messagingServiceSid, Instant receivedAt) {
        this(orgId, providerMessageId, channel, triggerChannel, from, to, body, media, profileName, waId,
                interactiveReply, location, optOutType, inReplyToProviderMessageId, messagingServiceSid, receivedAt,
                null, null, null, null);
    }

    public ConversationKey conversationKey() {
        return ConversationKey.of(orgId, channel, from);
    }

    @Override
    public Instant occurredAt() {
        return receivedAt;
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
