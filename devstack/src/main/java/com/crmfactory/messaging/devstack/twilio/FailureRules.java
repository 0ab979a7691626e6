package com.crmfactory.messaging.devstack.twilio;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures tests and people switch on ({@code POST /sim/rules}): per recipient ({@code to}, or "*" for
 * everyone), {@code count} times (0 = until removed).
 * <ul>
 * <li>{@code undelivered}: accepted, then a callback {@code undelivered} + 30003</li>
 * <li>{@code opted_out}: 400 with code 21610 on create</li>
 * <li>{@code window}: accepted, then {@code failed} + 63016 (asynchronous, as Twilio does)</li>
 * <li>{@code too_many_requests}: 429 + 20429 with {@code Retry-After}</li>
 * <li>{@code server_error}: 503 without creating the message; {@code server_error_after_create}: 503 although it was created</li>
 * <li>{@code slow}: answers after {@code delayMs}</li>
 * </ul>
 */
final class FailureRules {

    enum Kind {
        UNDELIVERED, OPTED_OUT, WINDOW, TOO_MANY_REQUESTS, SERVER_ERROR, SERVER_ERROR_AFTER_CREATE, SLOW;

        static Kind parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    record Rule(String to, Kind kind, int count, long delayMs, AtomicInteger used) {
        boolean matches(String recipient) {
            return ("*".equals(to) || to.equals(recipient)) && (count == 0 || used.get() < count);
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    void add(String to, Kind kind, int count, long delayMs) {
        rules.add(new Rule(to == null ? "*" : to, kind, count, delayMs, new AtomicInteger()));
    }

    void clear() {
        rules.clear();
    }

    List<Rule> all() {
        return List.copyOf(rules);
    }

    /** The first matching rule of these kinds, consumed once; null if none. */
    synchronized Rule take(String to, Kind... kinds) {
        for (Rule rule : rules) {
            for (Kind kind : kinds) {
                if (rule.kind() == kind && rule.matches(to)) {
                    rule.used().incrementAndGet();
                    return rule;
                }
            }
        }
        return null;
    }
}
