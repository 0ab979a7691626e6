package com.crmfactory.messaging.conversation.inbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.data.jpa.domain.Specification;

import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.conversation.session.SessionRepository;
import com.crmfactory.messaging.conversation.web.Ids;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.support.web.UnprocessableException;

import jakarta.persistence.criteria.Predicate;

/**
 * The filters of {@code GET /api/v1/conversations}. {@code status} takes one or more wire values,
 * comma-separated, or {@code open} / {@code closed}.
 */
public record ConversationFilter(String sessionId, String contactId, String status, String channel, String queue,
        String assignee) {

    /** Always restricted to the caller's org; a malformed id matches nothing. */
    public Specification<Session> toSpecification(String orgId) {
        List<SessionStatus> statuses = parsedStatuses();
        Channel channelValue = parsedChannel();
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            predicates.add(cb.equal(root.get("orgId"), orgId));
            if (present(sessionId)) {
                predicates.add(Ids.parse(sessionId.trim()).map(id -> cb.equal(root.get("id"), id)).orElse(cb.disjunction()));
            }
            if (present(contactId)) {
                predicates.add(Ids.parse(contactId.trim()).map(id -> cb.equal(root.get("contactId"), id))
                        .orElse(cb.disjunction()));
            }
            if (!statuses.isEmpty()) {
                predicates.add(root.get("status").in(statuses));
            }
            if (channelValue != null) {
                predicates.add(cb.equal(root.get("channel"), channelValue));
            }
            if (present(queue)) {
                predicates.add(cb.equal(root.get("queue"), queue.trim()));
            }
            if (present(assignee)) {
                predicates.add(cb.equal(root.get("assignee"), assignee.trim()));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    List<SessionStatus> parsedStatuses() {
        if (!present(status)) {
            return List.of();
        }
        List<SessionStatus> result = new ArrayList<>();
        for (String value : status.split(",")) {
            String wire = value.trim().toLowerCase(Locale.ROOT);
            switch (wire) {
                case "open" -> result.addAll(SessionRepository.OPEN);
                case "closed" -> result.addAll(List.of(SessionStatus.COMPLETED, SessionStatus.EXPIRED));
                default -> result.add(Arrays.stream(SessionStatus.values()).filter(s -> s.wire().equals(wire)).findFirst()
                        .orElseThrow(() -> new UnprocessableException("status", "Unknown status '" + value.trim()
                                + "': use active, waiting_reply, needs_human, completed, expired, open or closed.")));
            }
        }
        return result;
    }

    Channel parsedChannel() {
        if (!present(channel)) {
            return null;
        }
        try {
            Channel value = Channel.fromWire(channel.trim().toLowerCase(Locale.ROOT));
            return value.conversationChannel();
        } catch (IllegalArgumentException e) {
            throw new UnprocessableException("channel", "Unknown channel '" + channel + "': use sms, whatsapp, voice or email.");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
