package com.crmfactory.messaging.events;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds record instances reflectively, so tests cover every component of every record without a
 * hand-written fixture per type (a new field is exercised the moment it is added).
 */
final class RecordSamples {

    private RecordSamples() {
    }

    /** An instance of {@code type} with every component set. */
    static Object full(Class<?> type) {
        return full(type, "sample");
    }

    /**
     * An instance of {@code type} with every component set, every text set to {@code text}; enums take
     * their first constant, or their last when a rule between fields refuses the first (a closed session).
     */
    static Object full(Class<?> type, String text) {
        try {
            return build(type, text, false);
        } catch (IllegalArgumentException firstConstantRefused) {
            return build(type, text, true);
        }
    }

    private static Object build(Class<?> type, String text, boolean lastConstant) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> raw = components[i].getType();
            args[i] = lastConstant && raw.isEnum() ? raw.getEnumConstants()[raw.getEnumConstants().length - 1]
                    : value(components[i].getGenericType(), text);
        }
        return construct(type, args);
    }

    /**
     * A copy of {@code record} whose null or empty components are filled in, nested records included;
     * values already set are kept (so constraints between fields the sample satisfies still hold).
     */
    @SuppressWarnings("unchecked")
    static <T> T fill(T record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = values(record);
        for (int i = 0; i < components.length; i++) {
            if (args[i] == null || isEmpty(args[i])) {
                args[i] = value(components[i].getGenericType(), "sample");
            } else if (args[i].getClass().isRecord()) {
                args[i] = fill(args[i]);
            } else if (args[i] instanceof List<?> list) {
                args[i] = list.stream().map(e -> e.getClass().isRecord() ? fill(e) : e).toList();
            }
        }
        return (T) construct(record.getClass(), args);
    }

    /**
     * Components the compact constructor insists on: setting one to null fails with a
     * NullPointerException named after it. Primitives are always required on the wire.
     */
    static Set<String> requiredComponents(Object completeRecord) {
        Class<?> type = completeRecord.getClass();
        RecordComponent[] components = type.getRecordComponents();
        Set<String> required = new LinkedHashSet<>();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType().isPrimitive()) {
                required.add(components[i].getName());
                continue;
            }
            Object[] args = values(completeRecord);
            args[i] = null;
            try {
                construct(type, args);
            } catch (NullPointerException e) {
                if (components[i].getName().equals(e.getMessage())) {
                    required.add(components[i].getName());
                }
            } catch (IllegalArgumentException e) {
                // a conditional rule (e.g. "text or media"), not a required field
            }
        }
        return required;
    }

    static Object[] values(Object record) {
        return Arrays.stream(record.getClass().getRecordComponents()).map(c -> {
            try {
                return c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).toArray();
    }

    static Object construct(Class<?> type, Object[] args) {
        Class<?>[] signature = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(signature);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isEmpty(Object value) {
        return (value instanceof Collection<?> c && c.isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty());
    }

    private static Object value(Type type, String text) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.equals(raw)) {
                return List.of(value(arguments[0], text));
            }
            if (Map.class.equals(raw)) {
                return Map.of(value(arguments[0], text), value(arguments[1], text));
            }
            throw new IllegalArgumentException("no sample for " + type);
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class || cls == Object.class) {
            return text;
        }
        if (cls == Instant.class) {
            return Instant.parse("2026-01-02T03:04:05.678Z");
        }
        if (cls == long.class || cls == Long.class) {
            return 7L;
        }
        if (cls == int.class || cls == Integer.class) {
            return 7;
        }
        if (cls == double.class || cls == Double.class) {
            return 0.5;
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return Boolean.TRUE;
        }
        if (cls == BigDecimal.class) {
            return new BigDecimal("12.5");
        }
        if (cls.isEnum()) {
            return cls.getEnumConstants()[0];
        }
        if (cls.isRecord()) {
            return full(cls, text);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }
}
