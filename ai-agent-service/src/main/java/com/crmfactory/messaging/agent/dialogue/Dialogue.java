package com.crmfactory.messaging.agent.dialogue;

/** Decides a turn. It may change the session's dialogue state (draft, pending question, counters). */
public interface Dialogue {

    TurnResult respond(TurnInput input);
}
