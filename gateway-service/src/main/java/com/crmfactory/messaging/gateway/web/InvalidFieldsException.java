package com.crmfactory.messaging.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A request with one or more invalid fields: 422 problem+json listing each {@code {field, message}}. */
public class InvalidFieldsException extends RuntimeException {

    private final List<Map<String, Object>> errors;

    InvalidFieldsException(List<Map<String, Object>> errors) {
        super("invalid fields: " + errors.stream().map(e -> String.valueOf(e.get("field"))).toList());
        this.errors = List.copyOf(errors);
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }

    /** Collects every field error of a request, so the client sees them all at once. */
    public static final class Collector {

        private final List<Map<String, Object>> errors = new ArrayList<>();

        public Collector check(boolean valid, String field, String message) {
            if (!valid && errors.stream().noneMatch(e -> e.get("field").equals(field))) {
                errors.add(Map.of("field", field, "message", message));
            }
            return this;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidFieldsException(errors);
            }
        }
    }
}
