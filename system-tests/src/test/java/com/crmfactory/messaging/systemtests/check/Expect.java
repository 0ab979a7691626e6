package com.crmfactory.messaging.systemtests.check;

import java.time.Duration;

/** The answer bound of a scenario: a base plus the queue the per-sender rate limit makes of its answers. */
final class Expect {

    private Expect() {
    }

    static Invariants.Expectations answers(Stack stack, int customers, Duration base) {
        Duration queue = Duration.ofMillis(1_000L * customers / Math.max(1, stack.senderMessagesPerSecond()));
        Duration bound = base.plus(queue);
        return new Invariants.Expectations(bound, bound.plusSeconds(60), false);
    }
}
