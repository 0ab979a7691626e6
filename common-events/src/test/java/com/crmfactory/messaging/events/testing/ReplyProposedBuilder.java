package com.crmfactory.messaging.events.testing;

import java.time.Instant;
import java.util.List;

import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.TemplateRef;

/**
 * A {@link ReplyProposed} built by name: {@code aReplyProposed().sessionId(id).text("Done").build()}. Left out:
 * org {@code org-1}, session {@code session-1}, a fresh proposal id, proposed now. What is said has no default
 * (text, media, interactive or template): each test says it.
 */
public final class ReplyProposedBuilder {

    private String orgId = TestDefaults.ORG;
    private String sessionId = TestDefaults.SESSION;
    private String proposalId = TestDefaults.uuid();
    private String inReplyToMessageId;
    private String text;
    private List<Media> media = List.of();
    private Interactive interactive;
    private TemplateRef template;
    private String intent;
    private Double confidence;
    private Instant occurredAt = Instant.now();

    private ReplyProposedBuilder() {
    }

    public static ReplyProposedBuilder aReplyProposed() {
        return new ReplyProposedBuilder();
    }

    public ReplyProposedBuilder orgId(String orgId) {
        this.orgId = orgId;
        return this;
    }

    public ReplyProposedBuilder sessionId(String sessionId) {
        this.sessionId = sessionId;
        return this;
    }

    public ReplyProposedBuilder proposalId(String proposalId) {
        this.proposalId = proposalId;
        return this;
    }

    public ReplyProposedBuilder inReplyToMessageId(String inReplyToMessageId) {
        this.inReplyToMessageId = inReplyToMessageId;
        return this;
    }

    public ReplyProposedBuilder text(String text) {
        this.text = text;
        return this;
    }

    public ReplyProposedBuilder media(List<Media> media) {
        this.media = media;
        return this;
    }

    public ReplyProposedBuilder interactive(Interactive interactive) {
        this.interactive = interactive;
        return this;
    }

    public ReplyProposedBuilder template(TemplateRef template) {
        this.template = template;
        return this;
    }

    public ReplyProposedBuilder intent(String intent) {
        this.intent = intent;
        return this;
    }

    public ReplyProposedBuilder confidence(Double confidence) {
        this.confidence = confidence;
        return this;
    }

    public ReplyProposedBuilder occurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return this;
    }

    public ReplyProposed build() {
        return new ReplyProposed(orgId, sessionId, proposalId, inReplyToMessageId, text, media, interactive, template,
                intent, confidence, occurredAt);
    }
}
