package com.crmfactory.messaging.conversation.stats;

import java.time.Instant;
import java.util.Map;

/**
 * Conversation statistics of one org. Durations are in seconds: first response = first AI or agent
 * message after the conversation opened; duration = opening to closing (to the last message while open).
 */
public record StatsResponse(
        Instant from,
        Instant to,
        long totalConversations,
        Map<String, Long> byStatus,
        Map<String, GroupStats> byChannel,
        Map<String, GroupStats> byIntent,
        AiResolution aiResolution) {

    public record GroupStats(long conversations, Double averageMessages, Double averageFirstResponseSeconds,
            Double averageDurationSeconds) {
    }

    /** {@code ratio} = closed conversations no person ever took part in / all closed conversations (null if none). */
    public record AiResolution(long closedConversations, long resolvedWithoutHuman, Double ratio) {
    }
}
