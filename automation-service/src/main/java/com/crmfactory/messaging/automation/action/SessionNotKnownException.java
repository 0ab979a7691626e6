package com.crmfactory.messaging.automation.action;

/**
 * The step needs the customer's session, and conversation-service has not (yet) said which it is: a
 * customer's message reaches the engine and conversation-service at the same time, so the session may
 * be announced a moment after the trigger. The run retries the step shortly before failing it.
 */
public class SessionNotKnownException extends StepFailedException {

    public SessionNotKnownException() {
        super("the customer's session is not known");
    }
}
