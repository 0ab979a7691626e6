package com.crmfactory.messaging.agent.dialogue;

import java.time.Duration;
import java.util.Optional;

/** Decides a turn. It may change the session's dialogue state (draft, pending question, counters). */
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
