package com.crmfactory.messaging.agent.dialogue;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides a turn: what to say, and the session's dialogue state after it ({@link TurnResult#session()}: draft,
 * pending question, counters). The input's session is never changed.
 */
public interface Dialogue {

    TurnResult respond(TurnInput input);

    /**
     * The hard stop of one turn, if this dialogue has one. The turn's deadline starts before the media analysis,
     * so a vision call counts inside it ({@link TurnInput#deadline()}).
     */
    default Optional<Duration> hardStop() {
        return Optional.empty();
    }
}
