package com.crmfactory.messaging.agent.dialogue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.agent.context.CustomerMessage;
import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.agent.context.SessionContextRepository;
import com.crmfactory.messaging.agent.media.ImageAnalysis;
import com.crmfactory.messaging.agent.media.MediaAnalyzer;
import com.crmfactory.messaging.events.common.MediaAnalysis;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * One agent turn, in one transaction: lock the session, answer every customer message that arrived
 * since the last turn at once, store the new dialogue state and append the actions to the outbox.
 * A session a person took over (assigned, escalated, closed) gets no turn at all.
 */
@Service
public class TurnService {

    private final SessionContextRepository sessions;
    private final Dialogue dialogue;
    private final MediaAnalyzer media;
    private final AgentActions actions;
    private final Clock clock;
    private final Timer turnTimer;

    TurnService(SessionContextRepository sessions, Dialogue dialogue, MediaAnalyzer media, AgentActions actions, Clock clock,
            MeterRegistry meters) {
        this.sessions = sessions;
        this.dialogue = dialogue;
        this.media = media;
        this.actions = actions;
        this.clock = clock;
        this.turnTimer = meters.timer("agent.turn");
    }

    @Transactional
    public void runIfDue(String sessionId) {
        Optional<SessionContext> locked = sessions.lockForTurn(sessionId);
        if (locked.isEmpty()) {
            return;
        }
        SessionContext c = locked.get();
        Optional<java.time.Instant> due = sessions.dueAt(sessionId);
        if (due.isEmpty() || due.get().isAfter(clock.instant())) {
            return;
        }
        sessions.clearDue(sessionId);
        if (c.handler != SessionContext.Handler.ai) {
            return;
        }
        List<CustomerMessage> pending = sessions.customerMessagesAfter(sessionId, c.lastAnsweredSeq);
        if (pending.isEmpty()) {
            return;
        }
        turnTimer.record(() -> answer(c, pending));
    }

    private void answer(SessionContext c, List<CustomerMessage> pending) {
        StringBuilder text = new StringBuilder();
        String replyId = null;
        List<String> codes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<MediaAnalysis> analyses = new ArrayList<>();
        for (CustomerMessage m : pending) {
            if (m.body() != null && !m.body().isBlank()) {
                text.append(text.isEmpty() ? "" : "\n").append(m.body());
            }
            replyId = m.replyId() != null ? m.replyId() : replyId;
            if (!m.mediaUrls().isEmpty()) {
                ImageAnalysis analysis = media.analyze(c.orgId, m.mediaUrls());
                codes.addAll(analysis.codes());
                notes.addAll(analysis.notes());
                sessions.saveAnalysis(m.messageId(), analysis.summary());
                analysis.items().forEach(item -> analyses.add(new MediaAnalysis(m.messageId(), item.url(), item.contentType(),
                        item.codes(), item.note())));
            }
        }
        CustomerMessage last = pending.get(pending.size() - 1);
        TurnResult result = dialogue.respond(new TurnInput(c, text.toString(), replyId, codes, notes,
                sessions.history(c.sessionId, 20)));
        result.mediaAnalysis(analyses);
        c.lastAnsweredSeq = last.sequence();
        c.lastIntent = result.intent();
        c.lastConfidence = result.confidence();
        sessions.save(c);
        actions.publish(c, result, last.messageId());
    }
}
