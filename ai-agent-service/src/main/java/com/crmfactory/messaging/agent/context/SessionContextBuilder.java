package com.crmfactory.messaging.agent.context;

import com.crmfactory.messaging.agent.context.SessionContext.Handler;
import com.crmfactory.messaging.agent.context.SessionContext.Pending;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.OrderDraft;

/**
 * Builds a {@link SessionContext} by name: a new session (handled by the AI, nothing said yet) or one read back
 * from its row. The components are mostly strings, which positional arguments would mix up silently.
 */
public final class SessionContextBuilder {

    private String sessionId;
    private String orgId;
    private String contactId;
    private Channel channel;
    private String customerAddress;
    private String businessAddress;
    private String contactName;
    private Handler handler = Handler.ai;
    private boolean greeted;
    private int notUnderstood;
    private String lastIntent;
    private Double lastConfidence;
    private Pending pending;
    private OrderDraft draft = SessionContext.NO_DRAFT;
    private long lastAnsweredSeq;

    SessionContextBuilder() {
    }

    public SessionContextBuilder sessionId(String sessionId) {
        this.sessionId = sessionId;
        return this;
    }

    public SessionContextBuilder orgId(String orgId) {
        this.orgId = orgId;
        return this;
    }

    public SessionContextBuilder contactId(String contactId) {
        this.contactId = contactId;
        return this;
    }

    public SessionContextBuilder channel(Channel channel) {
        this.channel = channel;
        return this;
    }

    public SessionContextBuilder customerAddress(String customerAddress) {
        this.customerAddress = customerAddress;
        return this;
    }

    public SessionContextBuilder businessAddress(String businessAddress) {
        this.businessAddress = businessAddress;
        return this;
    }

    public SessionContextBuilder contactName(String contactName) {
        this.contactName = contactName;
        return this;
    }

    public SessionContextBuilder handler(Handler handler) {
        this.handler = handler;
        return this;
    }

    public SessionContextBuilder greeted(boolean greeted) {
        this.greeted = greeted;
        return this;
    }

    public SessionContextBuilder notUnderstood(int notUnderstood) {
        this.notUnderstood = notUnderstood;
        return this;
    }

    public SessionContextBuilder lastIntent(String lastIntent) {
        this.lastIntent = lastIntent;
        return this;
    }

    public SessionContextBuilder lastConfidence(Double lastConfidence) {
        this.lastConfidence = lastConfidence;
        return this;
    }

    public SessionContextBuilder pending(Pending pending) {
        this.pending = pending;
        return this;
    }

    public SessionContextBuilder draft(OrderDraft draft) {
        this.draft = draft;
        return this;
    }

    public SessionContextBuilder lastAnsweredSeq(long lastAnsweredSeq) {
        this.lastAnsweredSeq = lastAnsweredSeq;
        return this;
    }

    public SessionContext build() {
        return new SessionContext(sessionId, orgId, contactId, channel, customerAddress, businessAddress, contactName,
                handler, greeted, notUnderstood, lastIntent, lastConfidence, pending, draft, lastAnsweredSeq);
    }
}
