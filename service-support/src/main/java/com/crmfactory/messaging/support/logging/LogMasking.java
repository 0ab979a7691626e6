package com.crmfactory.messaging.support.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps customers' phone numbers and message texts out of logs. Every log line at INFO and above
 * passes through {@link #mask(String)} (see {@link MaskingJsonMembersCustomizer}); code that wants to
 * mention a message body logs {@link #body(String)} instead of the text.
 */
public final class LogMasking {

    /** E.164 (with or without {@code whatsapp:} / {@code sms:} prefixes), and bare WhatsApp ids of 10+ digits. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w.\\-])(\\+\\d{6,15}|(?<=:)\\d{10,15})(?![\\d])");

    /** {@code Body=...} form parameters and {@code "body":"..."} / {@code body=...} pairs. */
    private static final Pattern BODY = Pattern.compile(
            "(?i)(\"(?:body|message|text)\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")|(\\b(?:body|message|text)=)([^&,;}\\]\\s]*)");

    private LogMasking() {
    }

    /** Masks phone numbers (all but the last 4 digits) and message bodies in a log text. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return maskBodies(maskPhones(text));
    }

    /** A loggable stand-in for a message text: its length only. */
    public static String body(String text) {
        return text == null ? "[no body]" : "[body: " + text.length() + " chars]";
    }

    /** A loggable stand-in for a phone number or address: its last four digits only. */
    public static String phone(String address) {
        return address == null ? null : maskPhones(address);
    }

    private static String maskPhones(String text) {
        Matcher matcher = PHONE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String number = matcher.group(1);
            String digits = number.startsWith("+") ? number.substring(1) : number;
            String masked = (number.startsWith("+") ? "+" : "") + "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
            matcher.appendReplacement(out, Matcher.quoteReplacement(masked));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String maskBodies(String text) {
        Matcher matcher = BODY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = matcher.group(1) != null
                    ? matcher.group(1) + "***" + matcher.group(3)
                    : matcher.group(4) + "***";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
