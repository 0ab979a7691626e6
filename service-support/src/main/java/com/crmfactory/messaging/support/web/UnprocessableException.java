package com.crmfactory.messaging.support.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A well-formed request that breaks a business rule; answered with 422 problem+json whose {@code errors} name each
 * field at fault. Extra problem properties (e.g. what may be sent instead) travel in {@link #properties()}.
 */
public class UnprocessableException extends RuntimeException {

    /** One field at fault and why. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;
    private final Map<String, Object> properties;

    public UnprocessableException(String field, String detail) {
        this(detail, List.of(new FieldError(field, detail)), Map.of());
    }

    public UnprocessableException(String detail, List<FieldError> errors, Map<String, Object> properties) {
        super(detail);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a 422 names at least one field");
        }
        this.errors = List.copyOf(errors);
        this.properties = new LinkedHashMap<>(properties);
    }

    /** The first field at fault. */
    public String field() {
        return errors.get(0).field();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Additional problem properties, written next to {@code errors}. */
    public Map<String, Object> properties() {
        return properties;
    }
}
