package com.crmfactory.messaging.conversation.inbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * comma-separated, or {@code open} / {@code closed} / {@code all}; without it the list holds the active
 * conversations ({@code active}, {@code waiting_reply}, {@code needs_human}) — except a lookup by
 * {@code sessionId}, which finds the session whatever its status. {@code q}: words in message bodies.
 */
public record ConversationFilter(String sessionId, String contactId, String status, String channel, String queue,
        String assignee, String q) {

    /** At most this many words of {@code q} are searched for. */
    static final int MAX_QUERY_WORDS = 8;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    public ConversationFilter(String sessionId, String contactId, String status, String channel, String queue,
            String assignee) {
        this(sessionId, contactId, status, channel, queue, assignee, null);
    }

    /**
     * The full-text query of {@code q} ({@code to_tsquery('simple', …)}): every word must appear, each as a prefix;
     * null without words.
     */
    String textQuery() {
        if (!present(q)) {
            return null;
        }
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(q.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < MAX_QUERY_WORDS) {
            words.add(matcher.group() + ":*");
        }
        return words.isEmpty() ? null : String.join(" & ", words);
    }

    /** Always restricted to the caller's org; a malformed id matches nothing. */
    public Specification<Session> toSpecification(String orgId) {
        return toSpecification(orgId, null);
    }

    /** As {@link #toSpecification(String)}, restricted to {@code textMatches} when {@code q} was searched. */
    Specification<Session> toSpecification(String orgId, Collection<UUID> textMatches) {
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
            if (textMatches != null) {
                predicates.add(textMatches.isEmpty() ? cb.disjunction() : root.get("id").in(textMatches));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    /** The statuses to list; empty = every status. */
    List<SessionStatus> parsedStatuses() {
        if (!present(status)) {
            return present(sessionId) ? List.of() : SessionRepository.OPEN;
        }
        List<SessionStatus> result = new ArrayList<>();
        for (String value : status.split(",")) {
            String wire = value.trim().toLowerCase(Locale.ROOT);
            switch (wire) {
                case "all" -> {
                    return List.of();
                }
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
