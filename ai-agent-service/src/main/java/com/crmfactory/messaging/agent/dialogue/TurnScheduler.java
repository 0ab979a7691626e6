package com.crmfactory.messaging.agent.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.crmfactory.messaging.agent.context.SessionContextRepository;
import com.crmfactory.messaging.support.kafka.TraceParent;

/**
 * Runs a session's turn when its debounce has passed: a timer right after the customer message commits
 * (low latency), and a sweep every second for turns a restart or a failure left due (nothing is lost:
 * the due time is in the database).
 *
 * <p>The timer's turn continues the trace of the customer message that scheduled it (its {@code traceparent},
 * kept with the timer), so the agent's actions, the reply's outbound request and the Twilio send carry the
 * webhook's trace id. In a burst, the turn runs on the timer of the last message (the earlier ones find it
 * not yet due) and continues that message's trace; a turn the sweep runs (after a restart or a failure)
 * starts a trace of its own.
 */
@Component
public class TurnScheduler {

    private static final Logger log = LoggerFactory.getLogger(TurnScheduler.class);

    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "agent-turn");
        t.setDaemon(true);
        return t;
    });
    private final ObjectProvider<TurnService> turns;
    private final SessionContextRepository sessions;
    private final AgentProperties properties;
    private final Clock clock;
    private final TraceParent traceParent;

    TurnScheduler(ObjectProvider<TurnService> turns, SessionContextRepository sessions, AgentProperties properties,
            Clock clock, TraceParent traceParent) {
        this.turns = turns;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
        this.traceParent = traceParent;
    }

    /**
     * A customer message does not get an answer at once: it makes the session due after a short debounce, so
     * several messages sent in a burst are answered in one turn. Inside the transaction that recorded it.
     */
    public void customerWrote(String sessionId) {
        sessions.markDue(sessionId, clock.instant().plus(properties.debounce()));
        afterCommit(sessionId, properties.debounce());
    }

    /** Schedules the turn once the current transaction committed (the message must be visible to it). */
    public void afterCommit(String sessionId, Duration delay) {
        // the trace of the message (the listener's span) goes along to the timer's thread
        String trace = traceParent.current().orElse(null);
        Runnable schedule = () -> timers.schedule(() -> traceParent.continueTrace(trace, "agent.turn.scheduled", () -> run(sessionId)),
                delay.toMillis() + 5, TimeUnit.MILLISECONDS);
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

    @Scheduled(fixedDelayString = "${agent.sweep-interval:1000}")
    void sweep() {
        sessions.overdue(clock.instant().minusMillis(500)).forEach(this::run);
    }

    private void run(String sessionId) {
        try {
            turns.getObject().runIfDue(sessionId);
        } catch (RuntimeException e) {
            // left due: the sweep retries it
            log.warn("Turn of session {} failed: {}", sessionId, e.toString());
        }
    }
}
