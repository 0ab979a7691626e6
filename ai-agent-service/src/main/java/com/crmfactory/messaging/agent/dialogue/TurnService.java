package com.crmfactory.messaging.agent.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.crmfactory.messaging.agent.context.CustomerMessage;
import com.crmfactory.messaging.agent.context.SessionContext;
import com.crmfactory.messaging.agent.context.SessionContextRepository;
import com.crmfactory.messaging.agent.context.TurnState;
import com.crmfactory.messaging.agent.media.ImageAnalysis;
import com.crmfactory.messaging.agent.media.MediaAnalyzer;
import com.crmfactory.messaging.events.common.MediaAnalysis;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * One agent turn, answering every customer message that arrived since the last turn at once, in three steps:
 * <ol>
 * <li>a short transaction locks the session, checks that the turn is due (or that the lease of a turn whose replica
 * died lapsed) and the agent still handles the session, loads the context and claims the turn: a lease
 * ({@link TurnLeases}) its heartbeat renews while the turn runs, so no second turn of the session starts
 * meanwhile, and one whose replica dies is taken over by another replica's sweep once the lease lapses;</li>
 * <li>without any transaction or lock: media analysis and the dialogue (ERP calls, and in LLM mode the model
 * and its tools, up to the hard stop). The hard stop's deadline starts before the media analysis, so a vision
 * call spends the same budget. The dialogue returns the session as it leaves it; the LLM's tools build theirs
 * apart, and the turn takes it over only when it uses the model's answer;</li>
 * <li>a second short transaction locks the session again, stores the dialogue state (draft changes included)
 * and appends the actions to the outbox — nothing at all unless the turn still holds its claim (another replica
 * took it over: that one answers), and replies and escalations only if the agent still handles the
 * session: a person who took it over meanwhile gets the insights, never a proposal. A turn that answered the first
 * message of a burst at once while the customer went on writing (the next message within {@code agent.debounce} of
 * its last one) publishes and stores nothing either: one more turn answers the whole burst.</li>
 * </ol>
 * A session a person took over (assigned, escalated, closed) before the turn gets no turn at all.
 */
@Service
public class TurnService {

    private static final Logger log = LoggerFactory.getLogger(TurnService.class);

    /** Messages a turn sees verbatim; older ones reach it as a summary ({@link EarlierMessages}). */
    static final int HISTORY = 20;

    private final SessionContextRepository sessions;
    private final Dialogue dialogue;
    private final MediaAnalyzer media;
    private final AgentActions actions;
    private final TurnScheduler scheduler;
    private final TurnLeases leases;
    private final AgentProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Timer turnTimer;

    TurnService(SessionContextRepository sessions, Dialogue dialogue, MediaAnalyzer media, AgentActions actions,
            TurnScheduler scheduler, TurnLeases leases, AgentProperties properties, PlatformTransactionManager transactions,
            Clock clock, MeterRegistry meters) {
        this.sessions = sessions;
        this.dialogue = dialogue;
        this.media = media;
        this.actions = actions;
        this.scheduler = scheduler;
        this.leases = leases;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.turnTimer = meters.timer("agent.turn");
    }

    /** What the first transaction hands to the rest of the turn. */
    private record Turn(SessionContext session, String claim, List<CustomerMessage> pending, List<CustomerMessage> history,
            String earlier) {
    }

    public void runIfDue(String sessionId) {
        Turn turn = tx.execute(status -> begin(sessionId));
        if (turn == null) {
            return;
        }
        try (TurnLeases.Heartbeat heartbeat = leases.keep(sessionId, turn.claim())) {
            turnTimer.record(() -> answer(turn, heartbeat));
        } catch (RuntimeException e) {
            tx.executeWithoutResult(status -> {
                sessions.release(sessionId, turn.claim());
                sessions.dueAgain(sessionId, clock.instant());
            });
            throw e;
        }
    }

    private Turn begin(String sessionId) {
        Optional<SessionContextRepository.Locked> locked = sessions.lockForTurn(sessionId);
        if (locked.isEmpty()) {
            return null;
        }
        SessionContext c = locked.get().context();
        TurnState state = locked.get().turn();
        Instant now = clock.instant();
        if (state.running(now) || !state.due(now) && !state.lapsed(now)) {
            return null; // a turn is running (it stays due and runs after that one), or nothing is due yet
        }
        if (state.lapsed(now)) {
            // the replica running the turn stopped renewing its lease (it died): this turn answers in its place
            log.info("Taking over the turn of session {}: its lease lapsed at {}", sessionId, state.claimedUntil());
        }
        if (c.handler() != SessionContext.Handler.ai) {
            sessions.nothingToAnswer(sessionId);
            return null;
        }
        List<CustomerMessage> history = sessions.history(sessionId, HISTORY);
        List<CustomerMessage> pending = pendingIn(history, c.lastAnsweredSeq())
                .orElseGet(() -> sessions.customerMessagesAfter(sessionId, c.lastAnsweredSeq()));
        if (pending.isEmpty()) {
            sessions.nothingToAnswer(sessionId);
            return null;
        }
        String claim = UUID.randomUUID().toString();
        sessions.claim(sessionId, claim, leases.until());
        String earlier = history.size() < HISTORY ? null
                : EarlierMessages.summary(sessions.before(sessionId, history.get(0).sequence(), 500));
        return new Turn(c, claim, pending, history, earlier);
    }

    /**
     * The customer messages after {@code lastAnswered}, read from the history when it reaches back that far (the
     * session is shorter than the history, or it starts at most at the first message after {@code lastAnswered}); empty
     * when it may not hold them all.
     */
    static Optional<List<CustomerMessage>> pendingIn(List<CustomerMessage> history, long lastAnswered) {
        if (history.size() == HISTORY && history.get(0).sequence() > lastAnswered + 1) {
            return Optional.empty();
        }
        return Optional.of(history.stream().filter(m -> m.sequence() > lastAnswered && m.fromCustomer()).toList());
    }

    /**
     * The customer wrote again within the debounce of the turn's last message (the rest of a burst arrived while the
     * turn ran: it was answered at once as the first message of a quiet session). Not when the turn placed an order:
     * an ERP side effect is always reported.
     */
    private boolean continuedInABurst(SessionContext c, CustomerMessage last, TurnResult result) {
        if (!Objects.equals(c.draft().erpOrderNumber(), result.session().draft().erpOrderNumber())) {
            return false;
        }
        List<CustomerMessage> newer = sessions.customerMessagesAfter(c.sessionId(), last.sequence());
        return !newer.isEmpty()
                && !newer.get(0).createdAt().isAfter(last.createdAt().plus(properties.debounce()));
    }

    /** Outside any transaction: the slow part (media, ERP, LLM); then the outcome in one short transaction. */
    private void answer(Turn turn, TurnLeases.Heartbeat heartbeat) {
        SessionContext c = turn.session();
        List<CustomerMessage> pending = turn.pending();
        // the hard stop covers the whole slow part: a vision call spends the same budget as the model's turn
        Instant start = clock.instant();
        Instant deadline = dialogue.hardStop().map(start::plus).orElse(null);
        StringBuilder text = new StringBuilder();
        String replyId = null;
        List<String> codes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<MediaAnalysis> analyses = new ArrayList<>();
        List<String[]> summaries = new ArrayList<>();
        for (CustomerMessage m : pending) {
            if (m.body() != null && !m.body().isBlank()) {
                text.append(text.isEmpty() ? "" : "\n").append(m.body());
            }
            replyId = m.replyId() != null ? m.replyId() : replyId;
            if (!m.mediaUrls().isEmpty()) {
                ImageAnalysis analysis = media.analyze(c.orgId(), m.mediaUrls(), deadline);
                codes.addAll(analysis.codes());
                notes.addAll(analysis.notes());
                summaries.add(new String[] { m.messageId(), analysis.summary() });
                analysis.items().forEach(item -> analyses.add(new MediaAnalysis(m.messageId(), item.url(), item.contentType(),
                        item.codes(), item.note())));
            }
        }
        CustomerMessage last = pending.get(pending.size() - 1);
        TurnResult result = dialogue.respond(new TurnInput(c, text.toString(), replyId, codes, notes, turn.history(), deadline,
                turn.earlier()));
        result.mediaAnalysis(analyses);
        heartbeat.close(); // the lease has two thirds of its time left for the outcome's short transaction
        tx.executeWithoutResult(status -> {
            Optional<SessionContextRepository.Locked> locked = sessions.lockForWrite(c.sessionId());
            if (locked.isEmpty() || !turn.claim().equals(locked.get().turn().claim())) {
                return; // the claim expired and another turn took over: that one answers
            }
            boolean aiHandles = locked.get().context().handler() == SessionContext.Handler.ai;
            // due again only when the customer wrote during the turn (the row lock keeps it so until commit)
            Instant due = locked.get().turn().dueAt();
            if (aiHandles && due != null && continuedInABurst(c, last, result)) {
                // the customer was still typing: one turn answers all of it, this outcome is dropped unpublished
                sessions.release(c.sessionId(), turn.claim());
                scheduler.runWhenDue(c.sessionId(), due);
                return;
            }
            summaries.forEach(s -> sessions.saveAnalysis(s[0], s[1]));
            SessionContext answered = result.session().withLastAnswer(last.sequence(), result.intent(), result.confidence());
            sessions.saveOutcome(answered);
            actions.publish(answered, result, last.messageId(), aiHandles);
            if (aiHandles && due != null) {
                // messages that came in during the turn: their turn was held back by the claim
                scheduler.runWhenDue(c.sessionId(), due);
            }
        });
    }
}
