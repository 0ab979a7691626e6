package com.crmfactory.messaging.conversation.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.crmfactory.messaging.conversation.persistence.AssignedIdEntity;
import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.events.common.MediaAnalysis;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.common.MessageView;
import com.crmfactory.messaging.events.common.TriggerChannel;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One message of a session, whoever wrote it. Outbound ones carry their request id and delivery status. */
@Entity
@Table(name = "message")
public class Message extends AssignedIdEntity {

    private String orgId;
    private UUID sessionId;
    private long sequence;
    @Enumerated(EnumType.STRING)
    private Author author;
    private String authorId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Enumerated(EnumType.STRING)
    private TriggerChannel triggerChannel;
    @Column(name = "from_address")
    private String from;
    @Column(name = "to_address")
    private String to;
    private String body;
    @Convert(converter = MessageContentConverter.class)
    private MessageContent content;
    @Convert(converter = MediaAnalysisConverter.class)
    private List<MediaAnalysis> mediaAnalysis = List.of();
    private String providerMessageId;
    private String requestId;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus deliveryStatus;
    private String errorCode;
    private String errorMessage;
    private Instant createdAt;
    private Instant updatedAt;

    protected Message() {
    }

    Message(Session session, long sequence, MessageDraft draft, Instant now) {
        super(UUID.randomUUID());
        this.orgId = session.getOrgId();
        this.sessionId = session.getId();
        this.sequence = sequence;
        this.author = draft.author();
        this.authorId = draft.authorId();
        this.channel = session.getChannel();
        this.triggerChannel = draft.triggerChannel();
        this.from = draft.from();
        this.to = draft.to();
        this.body = draft.body();
        this.content = draft.content() == null ? MessageContent.NONE : draft.content();
        this.providerMessageId = draft.providerMessageId();
        this.requestId = draft.requestId();
        this.createdAt = draft.sentAt();
        this.updatedAt = now;
    }

    /** Replaces what the agent saw in this message's images (the agent sends its full analysis each time). */
    public void attachMediaAnalysis(List<MediaAnalysis> analyses, Instant now) {
        mediaAnalysis = List.copyOf(analyses);
        updatedAt = now;
    }

    /** What the message carries beside its text (never null). */
    public MessageContent getContent() {
        return content == null ? MessageContent.NONE : content;
    }

    public List<MediaAnalysis> getMediaAnalysis() {
        return mediaAnalysis == null ? List.of() : mediaAnalysis;
    }

    public MessageView toView() {
        return new MessageView(getId().toString(), sequence, author, authorId, channel, triggerChannel, from, to, body,
                content.media(), content.interactiveReply(), content.location(), content.interactive(),
                content.template(), providerMessageId, requestId, deliveryStatus, createdAt);
    }

    public String getOrgId() {
        return orgId;
    }

    public UUID getSessionId() {
        return sessionId;
    }

    public long getSequence() {
        return sequence;
    }

    public Author getAuthor() {
        return author;
    }

    public String getRequestId() {
        return requestId;
    }

    public DeliveryStatus getDeliveryStatus() {
        return deliveryStatus;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
