package com.crmfactory.messaging.events.agent;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Checks;
import com.crmfactory.messaging.events.common.MediaAnalysis;
import com.crmfactory.messaging.events.common.OrderDraft;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The agent's view of the session after a turn: intent, a one-line summary, the order draft, and what it
 * read from the turn's customer media ({@code mediaAnalysis}, optional: empty when the turn had no media;
 * each entry names its message so it can be shown next to it).
 */
@EventPayload
public record InsightsUpdated(
        String orgId,
        String sessionId,
        String intent,
        Double confidence,
        String summary,
        OrderDraft orderDraft,
        List<MediaAnalysis> mediaAnalysis,
        Instant occurredAt) implements DomainEvent {

    /** Without media analysis (the shape before {@code mediaAnalysis} was added). */
    public InsightsUpdated(String orgId, String sessionId, String intent, Double confidence, String summary,
            OrderDraft orderDraft, Instant occurredAt) {
        this(orgId, sessionId, intent, confidence, summary, orderDraft, List.of(), occurredAt);
    }

    public InsightsUpdated {
        Checks.notBlank(orgId, "orgId");
        Checks.notBlank(sessionId, "sessionId");
        Checks.confidence(confidence);
        mediaAnalysis = Checks.listOf(mediaAnalysis);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
