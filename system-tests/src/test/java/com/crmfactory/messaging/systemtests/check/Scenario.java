package com.crmfactory.messaging.systemtests.check;

/** One thing done to the running stack, judged by {@link Invariants} (and checks of its own). */
public interface Scenario {

    String name();

    /** One line for the report: what is done and what must hold. */
    String description();

    /** Runs against the stack; records figures and invariant results in {@code result}. */
    void run(Stack stack, ScenarioResult result) throws Exception;
}
