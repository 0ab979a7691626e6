package com.crmfactory.messaging.agent.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.agent.context.SessionContextRepository;

/**
 * The lease a running turn holds on its session ({@code agent_session.turn_claim}): short ({@code agent.turn-lease},
 * 10 s), and renewed every third of it by a heartbeat for as long as the turn runs — an LLM turn may take up to its
 * 30 s hard stop. A replica that dies mid-turn stops renewing: the lease lapses and another replica's sweep
 * ({@link TurnScheduler}) takes the turn over. Taking over is safe because the dying turn can only publish while its
 * claim is still the session's ({@code holds}, under the row lock), never after another turn claimed it.
 */
@Component
class TurnLeases implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TurnLeases.class);

    private final SessionContextRepository sessions;
    private final Duration lease;
    private final Clock clock;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-turn-lease");
        t.setDaemon(true);
        return t;
    });

    TurnLeases(SessionContextRepository sessions, AgentProperties properties, Clock clock) {
        this.sessions = sessions;
        this.lease = properties.turnLease();
        this.clock = clock;
    }

    /** Until when a lease taken or renewed now lasts. */
    Instant until() {
        return clock.instant().plus(lease);
    }

    /** Starts renewing the turn's lease; closing the heartbeat stops it (the lease itself is released with the outcome). */
    Heartbeat keep(String sessionId, String claim) {
        Heartbeat heartbeat = new Heartbeat(sessionId, claim);
        long period = Math.max(1, lease.toMillis() / 3);
        heartbeat.future = heartbeats.scheduleAtFixedRate(heartbeat::beat, period, period, TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    /**
     * On shutdown the heartbeats stop but no lease is released: a turn still running then cannot finish here, so its
     * lease lapses and another replica answers (as after a crash).
     */
    @Override
    public void destroy() {
        heartbeats.shutdownNow();
    }

    final class Heartbeat implements AutoCloseable {

        private final String sessionId;
        private final String claim;
        private volatile ScheduledFuture<?> future;

        private Heartbeat(String sessionId, String claim) {
            this.sessionId = sessionId;
            this.claim = claim;
        }

        private void beat() {
            try {
                if (!sessions.renew(sessionId, claim, until())) {
                    // another replica took the turn over (this one was frozen past the lease): its outcome will be refused
                    log.warn("Turn of session {} lost its lease to another replica", sessionId);
                    close();
                }
            } catch (RuntimeException e) {
                // the next beat retries; two more fit in the lease
                log.warn("Could not renew the lease of session {}'s turn: {}", sessionId, e.toString());
            }
        }

        @Override
        public void close() {
            ScheduledFuture<?> running = future;
            if (running != null) {
                running.cancel(false);
            }
        }
    }
}
