package com.crmfactory.messaging.conversation.session;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Closes sessions whose window passed. Each batch locks its rows with {@code FOR UPDATE SKIP LOCKED},
 * so several replicas scanning at once share the work and never close one session twice, and a session
 * receiving a message right now is left alone (the message extends its window).
 */
@Service
public class SessionExpiryService {

    private final SessionRepository sessions;
    private final SessionService lifecycle;
    private final SessionProperties properties;
    private final Clock clock;
    private final Counter expired;
    private final TransactionTemplate transactions;

    SessionExpiryService(SessionRepository sessions, SessionService lifecycle, SessionProperties properties, Clock clock,
            MeterRegistry meters, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.sessions = sessions;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
        this.expired = Counter.builder("conversation.sessions.expired").description("sessions closed by their window")
                .register(meters);
    }

    /** Expires every due session, one transaction per batch; returns how many were closed. */
    public int expireDue() {
        int total = 0;
        int closed;
        do {
            closed = transactions.execute(status -> expireBatch());
            total += closed;
        } while (closed >= properties.expiryBatchSize());
        return total;
    }

    private int expireBatch() {
        List<Session> due = sessions.lockExpired(clock.instant(), properties.expiryBatchSize());
        due.forEach(lifecycle::expire);
        expired.increment(due.size());
        return due.size();
    }
}
