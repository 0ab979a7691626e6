package com.crmfactory.messaging.automation.definition;

import java.util.List;

/** A definition that cannot be saved: answered 400 problem+json naming each field at fault. */
public class InvalidDefinitionException extends RuntimeException {

    /** One field at fault ({@code actions[1].channel}) and why. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidDefinitionException(List<FieldError> errors) {
        super(errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
