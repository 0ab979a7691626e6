package com.crmfactory.messaging.conversation.agentaction;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.message.MessageRepository;
import com.crmfactory.messaging.conversation.outbound.OutboundRequests;
import com.crmfactory.messaging.conversation.outbound.SessionMessages;
import com.crmfactory.messaging.conversation.session.EscalationQueues;
import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.conversation.session.SessionEvents;
import com.crmfactory.messaging.conversation.session.SessionService;
import com.crmfactory.messaging.conversation.tenant.VoiceReplies;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.MediaAnalysis;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.agent.EscalationRequested;
import com.crmfactory.messaging.events.agent.InsightsUpdated;
import com.crmfactory.messaging.events.agent.ReplyProposed;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gatekeeper between the AI agent and the customer: a proposed reply is recorded and sent only
 * while the session is AI-handled; escalations hand the session to a human queue; insights update
 * the session's intent, summary and order context.
 */
@Service
public class GatekeeperService {

    private static final Logger log = LoggerFactory.getLogger(GatekeeperService.class);

    private final SessionService sessions;
    private final SessionEvents events;
    private final SessionMessages sessionMessages;
    private final MessageRepository messages;
    private final EscalationQueues queues;
    private final Clock clock;
    private final MeterRegistry meters;
    private final VoiceReplies voiceReplies;

    GatekeeperService(SessionService sessions, SessionEvents events, SessionMessages sessionMessages,
            MessageRepository messages, EscalationQueues queues, Clock clock, MeterRegistry meters,
            VoiceReplies voiceReplies) {
        this.sessions = sessions;
        this.events = events;
        this.sessionMessages = sessionMessages;
        this.messages = messages;
        this.queues = queues;
        this.clock = clock;
        this.meters = meters;
        this.voiceReplies = voiceReplies;
    }

    /** @return whether the reply was recorded and sent (false: dropped and counted) */
    @Transactional
    public boolean propose(ReplyProposed proposal) {
        Optional<Session> found = sessions.lockIfOwned(proposal.orgId(), proposal.sessionId());
        if (found.isEmpty()) {
            return dropped("unknown_session", proposal);
        }
        Session session = found.get();
        String requestId = OutboundRequests.aiRequestId(proposal.orgId(), proposal.proposalId());
        if (messages.existsByOrgIdAndRequestId(proposal.orgId(), requestId)) {
            return dropped("duplicate", proposal);
        }
        String blocked = session.aiBlockedReason();
        if (blocked != null) {
            return dropped(blocked, proposal);
        }
        Optional<String> voiceRefusal = voiceReplies.refusal(session);
        if (voiceRefusal.isPresent()) {
            // a voice session is answered by SMS: not to a withheld or non-phone caller, not against the org's setting
            return dropped(voiceRefusal.get(), proposal);
        }
        sessionMessages.say(session, new SessionMessages.Outgoing(Author.AI, null, Origin.AI, requestId, proposal.text(),
                proposal.media(), proposal.interactive(), proposal.template(), proposal.proposalId()), "ai_reply");
        meters.counter("conversation.agent.replies.sent").increment();
        return true;
    }

    @Transactional
    public void escalate(EscalationRequested request) {
        Optional<Session> found = sessions.lockIfOwned(request.orgId(), request.sessionId());
        if (found.isEmpty() || !found.get().isOpen()) {
            meters.counter("conversation.agent.escalations.ignored").increment();
            log.info("Escalation of session {} (org {}) ignored: unknown or closed", request.sessionId(), request.orgId());
            return;
        }
        Session session = found.get();
        session.updateInsights(request.intent(), request.confidence(), request.summary(), null, clock.instant());
        if (session.getStatus() == SessionStatus.NEEDS_HUMAN) {
            return;
        }
        sessions.escalate(session, request.reason(), queues.queueFor(session.getIntent(), request.queueHint()), Author.AI);
    }

    @Transactional
    public void insights(InsightsUpdated insights) {
        Optional<Session> found = sessions.lockIfOwned(insights.orgId(), insights.sessionId());
        if (found.isEmpty()) {
            log.info("Insights for unknown session {} (org {}) ignored", insights.sessionId(), insights.orgId());
            return;
        }
        Session session = found.get();
        session.updateInsights(insights.intent(), insights.confidence(), insights.summary(), insights.orderDraft(),
                clock.instant());
        events.insightsUpdated(session, clock.instant());
        attachMediaAnalysis(session, insights);
    }

    /** Only onto messages of this very session (and so of this org); unknown or foreign ids are ignored. */
    private void attachMediaAnalysis(Session session, InsightsUpdated insights) {
        insights.mediaAnalysis().stream()
                .collect(Collectors.groupingBy(MediaAnalysis::messageId, LinkedHashMap::new, Collectors.toList()))
                .forEach((messageId, analyses) -> messageIdOf(messageId)
                        .flatMap(messages::findById)
                        .filter(message -> message.getSessionId().equals(session.getId()))
                        .ifPresent(message -> message.attachMediaAnalysis(analyses, clock.instant())));
    }

    private static Optional<UUID> messageIdOf(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean dropped(String reason, ReplyProposed proposal) {
        meters.counter("conversation.agent.replies.dropped", "reason", reason).increment();
        log.info("AI reply {} for session {} (org {}) dropped: {}", proposal.proposalId(), proposal.sessionId(),
                proposal.orgId(), reason);
        return false;
    }
}
