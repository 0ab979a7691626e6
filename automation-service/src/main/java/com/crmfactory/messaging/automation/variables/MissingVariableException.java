package com.crmfactory.messaging.automation.variables;

/** A placeholder whose variable has no value for this run: the step fails, nothing is sent. */
public class MissingVariableException extends RuntimeException {

    private final String variable;

    public MissingVariableException(String variable) {
        super("variable {{" + variable + "}} is not available");
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
