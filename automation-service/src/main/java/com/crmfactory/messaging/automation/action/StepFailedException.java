package com.crmfactory.messaging.automation.action;

/** A step cannot be carried out; its message is the step's (and the run's) error, shown to users. */
public class StepFailedException extends RuntimeException {

    public StepFailedException(String message) {
        super(message);
    }

    public StepFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
