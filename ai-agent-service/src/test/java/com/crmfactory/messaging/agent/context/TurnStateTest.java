package com.crmfactory.messaging.agent.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TurnStateTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aQuietSessionIsNeitherDueNorDebouncingNorRunning() {
        assertThat(TurnState.NONE.due(NOW)).isFalse();
        assertThat(TurnState.NONE.debouncing(NOW)).isFalse();
        assertThat(TurnState.NONE.running(NOW)).isFalse();
        assertThat(TurnState.NONE.lapsed(NOW)).isFalse();
    }

    @Test
    void dueOnceItsDebouncePassed() {
        TurnState waiting = new TurnState(NOW.plusMillis(60), null, null);
        assertThat(waiting.debouncing(NOW)).isTrue();
        assertThat(waiting.due(NOW)).isFalse();
        assertThat(waiting.due(NOW.plusMillis(60))).isTrue();
        assertThat(waiting.debouncing(NOW.plusMillis(60))).isFalse();
    }

    @Test
    void aTurnRunsWhileItsLeaseLastsAndLapsesWhenNotRenewed() {
        TurnState claimed = new TurnState(null, "claim-1", NOW.plusSeconds(10));
        assertThat(claimed.running(NOW)).isTrue();
        assertThat(claimed.lapsed(NOW)).isFalse();
        assertThat(claimed.running(NOW.plusSeconds(10))).isFalse();
        assertThat(claimed.lapsed(NOW.plusSeconds(10))).isTrue();
    }
}
