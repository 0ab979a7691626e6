package com.crmfactory.messaging.automation.definition;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A filter every condition of an automation must pass (they are AND-ed). */
public sealed interface Condition {

    /** The message body contains {@code value}, ignoring case. */
    record BodyContains(String value) implements Condition {
    }

    /** The message body matches {@code pattern} somewhere (evaluated with a time limit). */
    record BodyMatches(Pattern pattern) implements Condition {
    }

    /** The message body contains any of the words (whole words, ignoring case). */
    record Keywords(List<String> values) implements Condition {
    }

    /** A field of the contact: {@code name}, {@code phone} or {@code email}; operator equals, contains or present. */
    record ContactField(String field, String operator, String value) implements Condition {
    }

    /** The session's intent (as the AI agent classified it) is one of {@code values}. */
    record SessionIntent(Set<String> values) implements Condition {
    }

    /** The session's status is one of {@code values} (active, waiting_reply, needs_human, completed, expired). */
    record SessionStatusIn(Set<String> values) implements Condition {
    }

    /** The trigger happened inside (or, with {@code inside} false, outside) the org's business hours. */
    record BusinessHours(ZoneId timeZone, Set<DayOfWeek> days, LocalTime from, LocalTime to, boolean inside)
            implements Condition {
    }
}
