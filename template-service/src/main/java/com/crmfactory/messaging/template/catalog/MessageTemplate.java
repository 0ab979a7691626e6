package com.crmfactory.messaging.template.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.crmfactory.messaging.events.common.ApprovalStatus;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.events.common.TemplateType;

/**
 * One org's message template. What it says ({@link TemplateContent}) is set by the org; its approval
 * state is Twilio's, changed only by the approval sync, and reset whenever the Content SID changes
 * (a new Content resource has its own review).
 */
@Entity
@Table(name = "message_template")
public class MessageTemplate {

    @Id
    private UUID id;
    private String orgId;
    @Column(name = "template_key")
    private String key;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String language;
    @Enumerated(EnumType.STRING)
    private TemplateType type;
    private String body;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> variables;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> mediaUrls;
    private String buttonLabel;
    private String contentSid;
    @Enumerated(EnumType.STRING)
    private ApprovalStatus approvalStatus;
    private String rejectionReason;
    private Instant approvalCheckedAt;
    private boolean builtIn;
    private Instant createdAt;
    private Instant updatedAt;
    /** Optimistic lock; null until first persisted, which is how Spring Data tells a new row from an update. */
    @Version
    private Long version;

    @ElementCollection
    @CollectionTable(name = "message_template_option", joinColumns = @JoinColumn(name = "template_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<TemplateOption> options = new ArrayList<>();

    protected MessageTemplate() {
    }

    public static MessageTemplate create(String orgId, TemplateContent content, boolean builtIn, Instant now) {
        MessageTemplate template = new MessageTemplate();
        template.id = UUID.randomUUID();
        template.orgId = orgId;
        template.builtIn = builtIn;
        template.createdAt = now;
        template.approvalStatus = ApprovalStatus.DRAFT;
        template.replace(content, now);
        return template;
    }

    /** Replaces what the template says; a different Content SID starts its approval over. */
    public void replace(TemplateContent content, Instant now) {
        if (!Objects.equals(contentSid, content.contentSid())) {
            approvalStatus = ApprovalStatus.DRAFT;
            rejectionReason = null;
            approvalCheckedAt = null;
        }
        key = content.key();
        channel = content.channel();
        language = content.language();
        type = content.type();
        body = content.body();
        variables = new ArrayList<>(content.variables());
        mediaUrls = new ArrayList<>(content.mediaUrls());
        buttonLabel = content.buttonLabel();
        contentSid = content.contentSid();
        options.clear();
        content.options().forEach(option -> options.add(TemplateOption.of(option)));
        updatedAt = now;
    }

    /**
     * Records what Twilio said about the Content resource.
     *
     * @return whether the approval state changed (and so must be published)
     */
    public boolean applyApproval(ApprovalStatus status, String reason, Instant now) {
        approvalCheckedAt = now;
        if (status == approvalStatus && Objects.equals(reason, rejectionReason)) {
            return false;
        }
        approvalStatus = status;
        rejectionReason = reason;
        updatedAt = now;
        return true;
    }

    public TemplateContent content() {
        return new TemplateContent(key, channel, language, type, body, variables, contentSid, buttonLabel,
                interactiveOptions(), mediaUrls);
    }

    public List<InteractiveOption> interactiveOptions() {
        return options.stream().map(TemplateOption::toInteractive).toList();
    }

    public UUID id() {
        return id;
    }

    public String orgId() {
        return orgId;
    }

    public String key() {
        return key;
    }

    public Channel channel() {
        return channel;
    }

    public String language() {
        return language;
    }

    public TemplateType type() {
        return type;
    }

    public String body() {
        return body;
    }

    public List<String> variables() {
        return List.copyOf(variables);
    }

    public List<String> mediaUrls() {
        return List.copyOf(mediaUrls);
    }

    public String buttonLabel() {
        return buttonLabel;
    }

    public String contentSid() {
        return contentSid;
    }

    public ApprovalStatus approvalStatus() {
        return approvalStatus;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public Instant approvalCheckedAt() {
        return approvalCheckedAt;
    }

    public boolean builtIn() {
        return builtIn;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Long version() {
        return version;
    }
}
