package com.crmfactory.messaging.conversation.session;

import java.time.Instant;

import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SessionStatus;

/** A session in a contact's view. */
public record SessionSummary(
        String sessionId,
        Channel channel,
        SessionStatus status,
        String intent,
        String summary,
        String queue,
        String assignee,
        long messageCount,
        Instant lastMessageAt,
        String lastMessagePreview,
        Instant openedAt,
        Instant expiresAt,
        Instant closedAt) {

    public static SessionSummary of(Session session) {
        return new SessionSummary(session.getId().toString(), session.getChannel(), session.getStatus(),
                session.getIntent(), session.getSummary(), session.getQueue(), session.getAssignee(),
                session.getMessageCount(), session.getLastMessageAt(), session.getLastMessagePreview(),
                session.getOpenedAt(), session.getExpiresAt(), session.getClosedAt());
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
