package com.crmfactory.messaging.conversation.session;

import java.time.Instant;
import java.util.UUID;

import com.crmfactory.messaging.conversation.persistence.AssignedIdEntity;
import com.crmfactory.messaging.events.common.OrderDraft;

import jakarta.persistence.Convert;
import jakarta.persistence.MappedSuperclass;

/** The handling state of a session: insights from the agent, escalation, queue and assignment. */
@MappedSuperclass
public abstract class SessionState extends AssignedIdEntity {

    private String intent;
    private Double intentConfidence;
    private String summary;
    @Convert(converter = OrderDraftConverter.class)
    private OrderDraft orderContext;
    private String queue;
    private String escalationReason;
    private String assignee;
    /** A person took part (escalation, assignment or an agent's reply): the AI stays quiet from then on. */
    private boolean escalated;
    private Instant escalatedAt;
    private Instant assignedAt;

    protected SessionState() {
    }

    protected SessionState(UUID id) {
        super(id);
    }

    protected void escalateTo(String queue, String reason, Instant now) {
        this.queue = queue;
        this.escalationReason = reason;
        markHumanInvolved(now);
    }

    protected void assignTo(String assignee, Instant now) {
        this.assignee = assignee;
        this.assignedAt = now;
        markHumanInvolved(now);
    }

    /** Records that a person took part; the AI agent's proposals are dropped from then on. */
    public void markHumanInvolved(Instant now) {
        if (!escalated) {
            escalated = true;
            escalatedAt = now;
        }
    }

    protected void setInsights(String intent, Double confidence, String summary, OrderDraft orderDraft) {
        if (intent != null) {
            this.intent = intent;
            this.intentConfidence = confidence;
        }
        if (summary != null) {
            this.summary = summary;
        }
        if (orderDraft != null) {
            this.orderContext = orderDraft;
        }
    }

    public String getIntent() {
        return intent;
    }

    public Double getIntentConfidence() {
        return intentConfidence;
    }

    public String getSummary() {
        return summary;
    }

    public OrderDraft getOrderContext() {
        return orderContext;
    }

    public String getQueue() {
        return queue;
    }

    public String getEscalationReason() {
        return escalationReason;
    }

    public String getAssignee() {
        return assignee;
    }

    public boolean isEscalated() {
        return escalated;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }
}
