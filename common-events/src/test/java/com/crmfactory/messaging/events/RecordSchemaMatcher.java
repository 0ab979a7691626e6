package com.crmfactory.messaging.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Walks a record type and its JSON Schema side by side (following {@code $ref}s into
 * {@code common.schema.json}) and lists every disagreement: a component missing from the schema or
 * vice versa, a required set that differs from what the compact constructor enforces, a JSON type that
 * does not fit the Java type, an enum whose values differ from the Java constants' wire values.
 */
final class RecordSchemaMatcher {

    /** A schema node together with the file it came from, to resolve its relative {@code $ref}s. */
    private record At(String file, JsonNode node) {
    }

    private final List<String> problems = new ArrayList<>();

    static List<String> mismatches(Object completeRecord, String schemaPath) {
        RecordSchemaMatcher matcher = new RecordSchemaMatcher();
        matcher.object(completeRecord.getClass().getSimpleName(), completeRecord,
                new At(schemaPath, Contracts.json(schemaPath)));
        return matcher.problems;
    }

    private void object(String where, Object completeRecord, At at) {
        At schema = deref(at);
        JsonNode node = schema.node();
        expect(where, "object".equals(node.path("type").asString()), "type must be object");
        expect(where, node.path("additionalProperties").asBoolean(false),
                "additionalProperties must be true (consumers ignore unknown fields)");

        RecordComponent[] components = completeRecord.getClass().getRecordComponents();
        Set<String> componentNames = Arrays.stream(components).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> propertyNames = new TreeSet<>(node.path("properties").propertyNames());
        expect(where, componentNames.equals(propertyNames),
                "record components " + componentNames + " != schema properties " + propertyNames);

        Set<String> required = new TreeSet<>();
        node.path("required").values().forEach(n -> required.add(n.asString()));
        Set<String> enforced = new TreeSet<>(RecordSamples.requiredComponents(completeRecord));
        expect(where, required.equals(enforced),
                "schema required " + required + " != required by the record's constructor " + enforced);

        Object[] values = RecordSamples.values(completeRecord);
        for (int i = 0; i < components.length; i++) {
            JsonNode property = node.path("properties").path(components[i].getName());
            if (!property.isMissingNode()) {
                value(where + "." + components[i].getName(), components[i].getGenericType(), values[i],
                        new At(schema.file(), property));
            }
        }
    }

    private void value(String where, Type javaType, Object sample, At at) {
        JsonNode localEnum = at.node().path("enum");
        At schema = deref(at);
        String jsonType = schema.node().path("type").asString();
        if (javaType instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type element = parameterized.getActualTypeArguments()[raw == Map.class ? 1 : 0];
            if (raw == List.class) {
                expect(where, "array".equals(jsonType), "a List must be an array, not " + jsonType);
                value(where + "[]", element, ((List<?>) sample).get(0), new At(schema.file(), schema.node().path("items")));
            } else {
                expect(where, "object".equals(jsonType), "a Map must be an object, not " + jsonType);
                JsonNode values = schema.node().path("additionalProperties");
                if (element == Object.class) {
                    // free-form values (OrderStatusChanged.attributes): any JSON value is allowed
                    expect(where, values.asBoolean(false), "free-form map values need additionalProperties: true");
                } else {
                    expect(where, values.isObject() && jsonTypeOf((Class<?>) element).equals(values.path("type").asString()),
                            "map values must be typed " + jsonTypeOf((Class<?>) element));
                }
            }
            return;
        }
        Class<?> cls = (Class<?>) javaType;
        if (cls.isRecord()) {
            object(where, sample, schema);
            return;
        }
        expect(where, jsonTypeOf(cls).equals(jsonType), "expected JSON type " + jsonTypeOf(cls) + ", schema says " + jsonType);
        if (cls == Instant.class) {
            expect(where, "date-time".equals(schema.node().path("format").asString()), "an Instant must be format date-time");
        }
        if (cls.isEnum()) {
            enumValues(where, cls, schema.node().path("enum"), localEnum);
        }
    }

    private void enumValues(String where, Class<?> enumType, JsonNode sharedEnum, JsonNode localEnum) {
        Set<String> wire = Arrays.stream(enumType.getEnumConstants())
                .map(constant -> Contracts.JSON.valueToTree(constant).asString())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> shared = new TreeSet<>();
        sharedEnum.values().forEach(n -> shared.add(n.asString()));
        expect(where, wire.equals(shared), "enum " + shared + " != wire values of " + enumType.getSimpleName() + " " + wire);
        // a property may narrow the shared enum (SessionClosed.status), never widen it
        localEnum.values().forEach(n -> expect(where, wire.contains(n.asString()), "unknown enum value " + n));
    }

    private static String jsonTypeOf(Class<?> cls) {
        if (cls == String.class || cls == Instant.class || cls.isEnum()) {
            return "string";
        }
        if (cls == long.class || cls == Long.class || cls == int.class || cls == Integer.class) {
            return "integer";
        }
        if (cls == double.class || cls == Double.class || cls == BigDecimal.class) {
            return "number";
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return "boolean";
        }
        return "object";
    }

    /** Follows {@code $ref}s: {@code #/…} within the file, {@code other.json#/…} to a sibling file. */
    private static At deref(At at) {
        At current = at;
        while (current.node().has("$ref")) {
            String ref = current.node().get("$ref").asString();
            int hash = ref.indexOf('#');
            String target = hash == 0 ? current.file()
                    : current.file().substring(0, current.file().lastIndexOf('/') + 1) + ref.substring(0, hash < 0 ? ref.length() : hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            JsonNode resolved = Contracts.json(target).at(pointer);
            if (resolved.isMissingNode()) {
                throw new IllegalStateException("unresolvable $ref " + ref + " in " + current.file());
            }
            current = new At(target, resolved);
        }
        return current;
    }

    private void expect(String where, boolean condition, String message) {
        if (!condition) {
            problems.add(where + ": " + message);
        }
    }
}
