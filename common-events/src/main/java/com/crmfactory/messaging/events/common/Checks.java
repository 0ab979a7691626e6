package com.crmfactory.messaging.events.common;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Argument checks shared by the compact constructors of the event records. */
public final class Checks {

    private Checks() {
    }

    /** Required text: null fails with the field name (like {@link Objects#requireNonNull}), blank too. */
    public static String notBlank(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** Lists are never null on records: absent on the wire means empty. */
    public static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    public static <K, V> Map<K, V> mapOf(Map<K, V> values) {
        return values == null ? Map.of() : Map.copyOf(values);
    }

    /** Optional confidence: when present it is a probability. */
    public static Double confidence(Double value) {
        if (value != null && (value < 0.0 || value > 1.0 || value.isNaN())) {
            throw new IllegalArgumentException("confidence must be between 0 and 1");
        }
        return value;
    }
}
