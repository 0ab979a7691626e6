package com.crmfactory.messaging.conversation.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.crmfactory.messaging.support.web.UnprocessableException;

/**
 * The optional date range of the stats, on the conversations' opening time: {@code from} inclusive,
 * {@code to} exclusive for an instant ({@code 2026-01-31T12:00:00Z}) and inclusive for a day ({@code 2026-01-31}, UTC).
 */
public record StatsRange(Instant from, Instant to) {

    public static StatsRange parse(String from, String to) {
        Instant start = parse("from", from, false);
        Instant end = parse("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new UnprocessableException("from", "from must be before to.");
        }
        return new StatsRange(start, end);
    }

    private static Instant parse(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UnprocessableException(field, field + " must be a date (2026-01-31) or an instant (2026-01-31T12:00:00Z).");
        }
    }
}
