package com.crmfactory.messaging.conversation.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.crmfactory.messaging.conversation.message.EmailThreads;
import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.common.TemplateRef;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;

/** Builds the outbound requests this service emits: always on the session's own channel, to its customer. */
public final class OutboundRequests {

    private OutboundRequests() {
    }

    public static OutboundMessageRequested forSession(Session session, Origin origin, String requestId, String body,
            List<Media> media, Interactive interactive, TemplateRef template, String requestedBy, Instant at) {
        return forSession(session, origin, requestId, body, media, interactive, template, requestedBy, at, null);
    }

    /** @param emailReply in an e-mail session, the subject and threading headers of the reply (else null) */
    public static OutboundMessageRequested forSession(Session session, Origin origin, String requestId, String body,
            List<Media> media, Interactive interactive, TemplateRef template, String requestedBy, Instant at,
            EmailThreads.Reply emailReply) {
        return new OutboundMessageRequested(session.getOrgId(), requestId, origin, session.getId().toString(),
                channelOf(session.getChannel()), session.getCustomerAddress(), emailReply == null ? null : emailReply.subject(),
                body, media, template, interactive, null, requestedBy, at,
                emailReply == null ? null : emailReply.threading());
    }

    /** The outbound channel of a conversation channel; a voice conversation is answered by SMS. */
    public static OutboundChannel channelOf(Channel channel) {
        return switch (channel.conversationChannel()) {
            case WHATSAPP -> OutboundChannel.WHATSAPP;
            case EMAIL -> OutboundChannel.EMAIL;
            default -> OutboundChannel.SMS;
        };
    }

    /** The conversation channel an outbound request goes to; null for {@code originating} (the session decides). */
    public static Channel conversationChannelOf(OutboundChannel channel) {
        return switch (channel) {
            case WHATSAPP -> Channel.WHATSAPP;
            case EMAIL -> Channel.EMAIL;
            case SMS, MMS -> Channel.SMS;
            case ORIGINATING -> null;
        };
    }

    /** The request id of an AI proposal: stable, so a redelivered proposal is recognised. */
    public static String aiRequestId(String orgId, String proposalId) {
        return UUID.nameUUIDFromBytes(("ai-proposal:" + orgId + ":" + proposalId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
