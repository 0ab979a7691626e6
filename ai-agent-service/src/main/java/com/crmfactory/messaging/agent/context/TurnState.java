package com.crmfactory.messaging.agent.context;

import java.time.Instant;

/**
 * A session's turn bookkeeping: when its next turn is due ({@code null}: nothing waits) and the claim of the turn
 * running now, a lease until {@code claimedUntil} that the running turn's heartbeat keeps extending.
 */
public record TurnState(Instant dueAt, String claim, Instant claimedUntil) {

    static final TurnState NONE = new TurnState(null, null, null);

    /** Due now: customer messages wait and their debounce, if any, has passed. */
    public boolean due(Instant now) {
        return dueAt != null && !dueAt.isAfter(now);
    }

    /** A debounce is running: the customer wrote a moment ago and the turn waits for more. */
    public boolean debouncing(Instant now) {
        return dueAt != null && dueAt.isAfter(now);
    }

    /** A turn runs (on this or another replica) and renews its lease. */
    public boolean running(Instant now) {
        return claim != null && claimedUntil != null && claimedUntil.isAfter(now);
    }

    /** A turn started and its replica stopped renewing the lease (it died or froze): the turn is to be taken over. */
    public boolean lapsed(Instant now) {
        return claim != null && !running(now);
    }
}
