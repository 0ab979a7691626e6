package com.crmfactory.messaging.events.testing;

import java.time.Instant;
import java.util.List;

import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.common.TemplateRef;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;

/**
 * An {@link OutboundMessageRequested} built by name: {@code anOutboundMessageRequested().to("+1…").body("hi").build()}.
 * Left out: org {@code org-1}, a fresh request id, an agent's request over SMS to a test customer, no session,
 * requested now. What is sent has no default (body, media, template or interactive): each test says it.
 */
public final class OutboundMessageRequestedBuilder {

    private String orgId = TestDefaults.ORG;
    private String requestId = TestDefaults.uuid();
    private Origin origin = Origin.AGENT;
    private String sessionId;
    private OutboundChannel channel = OutboundChannel.SMS;
    private String to = TestDefaults.CUSTOMER;
    private String subject;
    private String body;
    private List<Media> media = List.of();
    private TemplateRef template;
    private Interactive interactive;
    private Boolean allowTemplateFallback;
    private String requestedBy;
    private Instant occurredAt = Instant.now();

    private OutboundMessageRequestedBuilder() {
    }

    public static OutboundMessageRequestedBuilder anOutboundMessageRequested() {
        return new OutboundMessageRequestedBuilder();
    }

    public OutboundMessageRequestedBuilder orgId(String orgId) {
        this.orgId = orgId;
        return this;
    }

    public OutboundMessageRequestedBuilder requestId(String requestId) {
        this.requestId = requestId;
        return this;
    }

    public OutboundMessageRequestedBuilder origin(Origin origin) {
        this.origin = origin;
        return this;
    }

    public OutboundMessageRequestedBuilder sessionId(String sessionId) {
        this.sessionId = sessionId;
        return this;
    }

    public OutboundMessageRequestedBuilder channel(OutboundChannel channel) {
        this.channel = channel;
        return this;
    }

    public OutboundMessageRequestedBuilder to(String to) {
        this.to = to;
        return this;
    }

    public OutboundMessageRequestedBuilder subject(String subject) {
        this.subject = subject;
        return this;
    }

    public OutboundMessageRequestedBuilder body(String body) {
        this.body = body;
        return this;
    }

    public OutboundMessageRequestedBuilder media(List<Media> media) {
        this.media = media;
        return this;
    }

    public OutboundMessageRequestedBuilder template(TemplateRef template) {
        this.template = template;
        return this;
    }

    public OutboundMessageRequestedBuilder interactive(Interactive interactive) {
        this.interactive = interactive;
        return this;
    }

    public OutboundMessageRequestedBuilder allowTemplateFallback(Boolean allowTemplateFallback) {
        this.allowTemplateFallback = allowTemplateFallback;
        return this;
    }

    public OutboundMessageRequestedBuilder requestedBy(String requestedBy) {
        this.requestedBy = requestedBy;
        return this;
    }

    public OutboundMessageRequestedBuilder occurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return this;
    }

    public OutboundMessageRequested build() {
        return new OutboundMessageRequested(orgId, requestId, origin, sessionId, channel, to, subject, body, media, template,
                interactive, allowTemplateFallback, requestedBy, occurredAt);
    }
}
