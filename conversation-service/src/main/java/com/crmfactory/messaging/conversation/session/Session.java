package com.crmfactory.messaging.conversation.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.OrderDraft;
import com.crmfactory.messaging.events.common.SessionStatus;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * One conversation of a customer on one channel, open while its window (from the customer's last
 * message) lasts. Mutated only while its row is locked, so sequence numbers and event order hold.
 */
@Entity
@Table(name = "session")
public class Session extends SessionState {

    private String orgId;
    private UUID contactId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String customerAddress;
    private String businessAddress;
    @Enumerated(EnumType.STRING)
    private SessionStatus status;
    private long messageCount;
    private Instant lastMessageAt;
    private String lastMessagePreview;
    private Instant lastCustomerMessageAt;
    private Instant firstResponseAt;
    private Instant expiresAt;
    private Instant openedAt;
    private Instant closedAt;
    private String closedBy;
    private Instant updatedAt;

    protected Session() {
    }

    public Session(String orgId, UUID contactId, Channel channel, String customerAddress, String businessAddress,
            Instant openedAt, Duration window) {
        super(UUID.randomUUID());
        this.orgId = orgId;
        this.contactId = contactId;
        this.channel = channel.conversationChannel();
        this.customerAddress = customerAddress;
        this.businessAddress = businessAddress;
        this.status = SessionStatus.ACTIVE;
        this.openedAt = openedAt;
        this.lastCustomerMessageAt = openedAt;
        this.expiresAt = openedAt.plus(window);
        this.updatedAt = openedAt;
    }

    /**
     * A conversation the business starts (a template or message to a contact): no customer message yet, so its
     * WhatsApp window is closed until the customer writes; it expires a window after opening.
     */
    public static Session startedByBusiness(String orgId, UUID contactId, Channel channel, String customerAddress,
            String businessAddress, Instant openedAt, Duration window) {
        Session session = new Session(orgId, contactId, channel, customerAddress, businessAddress, openedAt, window);
        session.lastCustomerMessageAt = null;
        return session;
    }

    public boolean isOpen() {
        return !status.isClosed();
    }

    /**
     * Why the AI agent may not speak in this session now, or null while it is AI-handled: closed,
     * waiting for a human, assigned to a person, or a person already took part.
     */
    public String aiBlockedReason() {
        if (!isOpen()) {
            return "closed";
        }
        if (status == SessionStatus.NEEDS_HUMAN) {
            return "needs_human";
        }
        if (getAssignee() != null) {
            return "assigned";
        }
        return isEscalated() ? "human_involved" : null;
    }

    /** Appends a message: returns its 1-based, gap-free sequence number. */
    public long appendMessage(Author author, Instant at, String preview, Duration window, Instant now) {
        messageCount++;
        lastMessageAt = lastMessageAt == null || at.isAfter(lastMessageAt) ? at : lastMessageAt;
        lastMessagePreview = preview;
        if (author == Author.CUSTOMER) {
            if (lastCustomerMessageAt == null || at.isAfter(lastCustomerMessageAt)) {
                lastCustomerMessageAt = at;
            }
            expiresAt = lastCustomerMessageAt.plus(window);
        } else if (firstResponseAt == null && (author == Author.AI || author == Author.AGENT)) {
            firstResponseAt = at;
        }
        updatedAt = now;
        return messageCount;
    }

    /** Moves to an open status; returns the previous one. */
    public SessionStatus moveTo(SessionStatus next, Instant now) {
        SessionStatus previous = status;
        status = next;
        updatedAt = now;
        return previous;
    }

    /** Closes the session (completed or expired); returns the previous status. */
    public SessionStatus close(SessionStatus closedStatus, String by, Instant now) {
        SessionStatus previous = moveTo(closedStatus, now);
        closedAt = now;
        closedBy = by;
        return previous;
    }

    public void escalate(String queue, String reason, Instant now) {
        escalateTo(queue, reason, now);
        moveTo(SessionStatus.NEEDS_HUMAN, now);
    }

    public void assign(String assignee, Instant now) {
        assignTo(assignee, now);
        updatedAt = now;
    }

    public void updateInsights(String intent, Double confidence, String summary, OrderDraft orderDraft, Instant now) {
        setInsights(intent, confidence, summary, orderDraft);
        updatedAt = now;
    }

    public String getOrgId() {
        return orgId;
    }

    public UUID getContactId() {
        return contactId;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getCustomerAddress() {
        return customerAddress;
    }

    public String getBusinessAddress() {
        return businessAddress;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public long getMessageCount() {
        return messageCount;
    }

    public Instant getLastMessageAt() {
        return lastMessageAt;
    }

    public String getLastMessagePreview() {
        return lastMessagePreview;
    }

    public Instant getLastCustomerMessageAt() {
        return lastCustomerMessageAt;
    }

    public Instant getFirstResponseAt() {
        return firstResponseAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
