package com.crmfactory.messaging.agent.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.crmfactory.messaging.agent.context.SessionContextRepository;
import com.crmfactory.messaging.agent.context.TurnState;
import com.crmfactory.messaging.support.kafka.TraceParent;

/**
 * Runs a session's turn when it is due. The first message of a quiet session is answered at once; only while the
 * customer is still typing — a debounce of the session is running, or its turn is — does the turn wait
 * {@code agent.debounce} after the latest message, so a burst is answered once. Messages that reach the agent
 * together (the rest of the burst already fetched in the consumer's poll, behind this one on its partition) are
 * all committed before the turn starts: the turn is handed over at the end of that partition's records of the poll.
 * Every replica also sweeps once a second for turns left due (a restart, a failure: the due time is in the
 * database) and for turns whose lease lapsed (the replica running them died, {@link TurnLeases}), and runs them.
 *
 * <p>The timer's turn continues the trace of the customer message that scheduled it (its {@code traceparent},
 * kept with the timer), so the agent's actions, the reply's outbound request and the Twilio send carry the
 * webhook's trace id. In a burst, the turn runs on the timer of the last message (the earlier ones find it
 * not yet due or already answered) and continues that message's trace; a turn the sweep runs (after a restart,
 * a failure or a takeover) starts a trace of its own.
 */
@Component
public class TurnScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TurnScheduler.class);
    /** On shutdown, turns already running get this long to finish (their lease still renewed); others lapse. */
    private static final Duration DRAIN = Duration.ofSeconds(3);
    /** Due times are compared in the database to the microsecond: a timer fires a little after them. */
    private static final long SLACK_MILLIS = 5;

    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2, r -> {
        Thread t = new Thread(r, "agent-turn");
        t.setDaemon(true);
        return t;
    });
    /**
     * Per partition, sessions whose turn waits for the end of the poll's records (the rest of a burst), each with the
     * trace of its latest message (the turn continues it).
     */
    private final Map<TopicPartition, Map<String, Optional<String>>> endOfPoll = new ConcurrentHashMap<>();
    /** Sessions the sweep handed to a timer thread and that did not run yet (not handed twice). */
    private final Set<String> swept = ConcurrentHashMap.newKeySet();
    private final ObjectProvider<TurnService> turns;
    private final SessionContextRepository sessions;
    private final AgentProperties properties;
    private final Clock clock;
    private final TraceParent traceParent;

    // TurnLeases only so that it outlives this bean on shutdown: the turns drained here keep their lease renewed
    TurnScheduler(ObjectProvider<TurnService> turns, SessionContextRepository sessions, AgentProperties properties,
            Clock clock, TraceParent traceParent, TurnLeases leases) {
        this.turns = turns;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
        this.traceParent = traceParent;
        // turns waiting for their debounce are not run on shutdown: they stay due in the database for any replica
        timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * A customer message of {@code partition} was recorded (inside the listener's transaction): makes the session's
     * turn due — at once when the session is quiet, after the debounce while the customer is still typing.
     */
    public void customerWrote(String sessionId, TopicPartition partition) {
        Instant now = clock.instant();
        TurnState state = sessions.turnState(sessionId);
        if (state.debouncing(now) || state.running(now)) {
            // still typing: the turn waits for a pause. A running turn reschedules it when it ends; the timer too, in
            // case that turn committed between this read and this message's commit
            Instant due = now.plus(properties.debounce());
            sessions.markDue(sessionId, due);
            afterCommit(sessionId, due);
            log.debug("Session {} still typing: its turn waits for {}", sessionId, due);
            return;
        }
        log.debug("Session {} quiet: its turn starts after the poll's records of {}", sessionId, partition);
        sessions.markDue(sessionId, now);
        endOfPoll.computeIfAbsent(partition, p -> new ConcurrentHashMap<>()).put(sessionId, traceParent.current());
    }

    /**
     * After each record of the partition (inside its transaction): at the last one the poll fetched, the turns that
     * waited for the rest of the poll start once it commits.
     */
    public void recordHandled(TopicPartition partition, boolean lastOfPoll) {
        if (!lastOfPoll) {
            return;
        }
        Map<String, Optional<String>> waiting = endOfPoll.remove(partition);
        if (waiting != null) {
            Instant now = clock.instant();
            waiting.forEach((sessionId, trace) -> afterCommit(sessionId, now, trace.orElse(null)));
        }
    }

    /** Schedules the turn for {@code due} once the current transaction committed (the messages must be visible to it). */
    public void runWhenDue(String sessionId, Instant due) {
        afterCommit(sessionId, due);
    }

    private void afterCommit(String sessionId, Instant due) {
        // the trace of the message (the listener's span) goes along to the timer's thread
        afterCommit(sessionId, due, traceParent.current().orElse(null));
    }

    private void afterCommit(String sessionId, Instant due, String trace) {
        Runnable schedule = () -> {
            long delay = Duration.between(clock.instant(), due).toMillis();
            Runnable turn = () -> traceParent.continueTrace(trace, "agent.turn.scheduled", () -> run(sessionId));
            try {
                timers.schedule(turn, delay > 0 ? delay + SLACK_MILLIS : 0, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // shutting down: the turn stays due in the database, another replica's sweep runs it
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule.run();
                }
            });
        } else {
            schedule.run();
        }
    }

    /**
     * Turns due for half a second that no timer ran, and turns whose lease lapsed: handed to the turn threads (never
     * run on the scheduling thread, which other periodic work shares).
     */
    @Scheduled(fixedDelayString = "${agent.sweep-interval:1000}")
    void sweep() {
        Instant now = clock.instant();
        for (String sessionId : sessions.overdue(now.minusMillis(500), now)) {
            if (swept.add(sessionId)) {
                try {
                    timers.execute(() -> {
                        swept.remove(sessionId);
                        run(sessionId);
                    });
                } catch (RejectedExecutionException stopping) {
                    swept.remove(sessionId);
                }
            }
        }
    }

    private void run(String sessionId) {
        try {
            turns.getObject().runIfDue(sessionId);
        } catch (RuntimeException e) {
            // left due: the sweep retries it
            log.warn("Turn of session {} failed: {}", sessionId, e.toString());
        }
    }

    /** No new turns; those running get {@link #DRAIN} to finish while their lease is still renewed. */
    @Override
    public void destroy() throws InterruptedException {
        timers.shutdown();
        if (!timers.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
            log.info("Turns still running at shutdown are left to another replica once their lease lapses");
        }
    }
}
