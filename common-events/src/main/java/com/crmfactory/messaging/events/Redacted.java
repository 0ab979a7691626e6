package com.crmfactory.messaging.events;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The {@code toString()} of every record in this module: the records carry message texts, phone
 * numbers and e-mail addresses, and a record that reaches a log line, an exception message or a
 * debugger must not take them along. Text components print as their length only, except identifiers
 * (ids, SIDs, keys, codes) that look like one; lists and maps print their size, nested records their
 * own (equally redacted) form; coordinates are hidden. So a new text component is hidden until it is
 * named as an identifier.
 */
public final class Redacted {

    /** String components that hold codes or identifiers chosen by the platform or a provider, never by a customer. */
    private static final Set<String> IDENTIFIERS = Set.of("key", "intent", "language", "defaultLanguage", "timeZone",
            "currency", "contentType", "code", "errorCode", "providerErrorCode", "providerStatus", "queue", "queueHint",
            "sku", "erpOrderNumber", "orderNumber", "status", "previousStatus", "requestedBy", "assignee", "assignedBy",
            "closedBy");
    /** Where a customer is: personal data, whatever its type. */
    private static final Set<String> HIDDEN = Set.of("latitude", "longitude");
    /** WhatsApp ids are phone numbers, whatever their name says. */
    private static final Set<String> NOT_IDENTIFIERS = Set.of("waId");
    /** What an identifier looks like: one token, no '@' or '+', not a bare phone number. */
    private static final Pattern TOKEN = Pattern.compile("(?!\\d{7,}$)[A-Za-z0-9._:/-]{1,100}");

    private Redacted() {
    }

    public static String toString(Record record) {
        StringJoiner out = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            out.add(component.getName() + "=" + render(component.getName(), value(component, record)));
        }
        return out.toString();
    }

    /** A text as its length, for the few hand-written {@code toString()}s that mention one. */
    public static String text(String value) {
        return value == null ? "null" : "[" + value.length() + " chars]";
    }

    private static String render(String name, Object value) {
        if (HIDDEN.contains(name)) {
            return "[hidden]";
        }
        if (value instanceof String text) {
            return isIdentifier(name) && TOKEN.matcher(text).matches() ? text : text(text);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().allMatch(Record.class::isInstance) ? values.toString() : "[" + values.size() + " items]";
        }
        if (value instanceof Map<?, ?> map) {
            return "{" + map.size() + " entries}";
        }
        // null, enums, numbers, booleans, instants, and records (whose toString is this one)
        return String.valueOf(value);
    }

    private static boolean isIdentifier(String name) {
        return !NOT_IDENTIFIERS.contains(name)
                && (IDENTIFIERS.contains(name) || name.equals("id") || name.endsWith("Id") || name.endsWith("Sid"));
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
