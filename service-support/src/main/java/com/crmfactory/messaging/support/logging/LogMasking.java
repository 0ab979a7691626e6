package com.crmfactory.messaging.support.logging;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets and customers' personal data out of logs. Every log line at INFO and above passes
 * through {@link #mask(String)} (see {@link MaskingJsonMembersCustomizer}, {@link MaskingMessageConverter}
 * and {@link MaskingThrowableConverter}); code that wants to mention a message body logs
 * {@link #body(String)} instead of the text.
 * <p>
 * Masked: credentials (bearer/basic tokens, {@code omk_}/{@code oma_} API keys, org-context tokens,
 * user:password in URLs, {@code token=}/{@code secret=}-style pairs, bare 32-hex Twilio auth tokens),
 * whole message texts in every shape they are logged in (form-encoded, JSON, {@code Map}/record
 * {@code toString}), e-mail addresses and phone numbers (last four digits kept).
 */
public final class LogMasking {

    private static final String MASK = "***";

    /**
     * Names of members that hold free text written by a customer or an agent, also as the suffix of a
     * longer name ({@code ButtonText}, {@code ListTitle}, {@code errorMessage}).
     */
    private static final String TEXT_KEY = "[A-Za-z_]*(?:body|text|message|subject|transcript|summary|description"
            + "|caption|title|profilename|contactname)";

    /** {@code "body":"…"} in JSON; the closing quote may be missing when a tool truncated the text. */
    private static final Pattern JSON_TEXT = Pattern.compile(
            "(?i)(\"" + TEXT_KEY + "\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\"?)");

    /**
     * {@code Body=…} as a form parameter ({@code +} for spaces, ends at the next {@code &name=}) or as a
     * {@code Map}/record {@code toString} ({@code body=Hello there, to=…}: ends at the next
     * {@code , name=}, or at a closing bracket). Spaces, commas and {@code &} inside the text do not
     * end it, so a multi-word text is masked whole.
     */
    private static final Pattern PAIR_TEXT = Pattern.compile("(?i)(?<![A-Za-z0-9_])(" + TEXT_KEY + "=)(.*?)"
            + "(?=&[A-Za-z][\\w.\\[\\]-]*=|,\\s*[A-Za-z][\\w.-]*=|[}\\]](?:[,;}\\]]|$)|[\\r\\n]|$)");

    /**
     * Each rule names a cheap test its pattern cannot match without ({@code mayMatch}): every log line passes
     * through all rules, and most lines need none of them, so the regular expressions run only where they could find
     * something (they were a tenth of conversation-service's CPU under load, issue 16).
     */
    private static final List<Rule> RULES = List.of(
            // Authorization: Bearer omk_… / Basic base64(sid:token)
            new Rule("(?i)\\b(bearer|basic)(\\s+|%20|\\+)[A-Za-z0-9._~+/=-]{16,}", m -> m.group(1) + " " + MASK,
                    text -> containsIgnoringCase(text, "bearer") || containsIgnoringCase(text, "basic")),
            // https://ACxxx:token@api.twilio.com/…
            new Rule("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s:@]+:[^/\\s@]*@", m -> m.group(1) + MASK + "@",
                    text -> text.contains("://") && text.indexOf('@') >= 0),
            // the platform's API keys (org and admin) and inbound e-mail webhook tokens
            new Rule("\\b(om[ka]|eml)_[A-Za-z0-9_-]+", m -> m.group(1) + "_" + MASK,
                    text -> text.contains("omk_") || text.contains("oma_") || text.contains("eml_")),
            // X-Org-Context: v2.<kid>.<audience>.<org>.<expires>.<signature>
            new Rule("\\bv\\d+\\.[\\w-]+\\.[\\w-]+\\.[\\w-]+\\.\\d+\\.[\\w-]{16,}", m -> MASK,
                    text -> count(text, '.') >= 5),
            // password=…, authToken: "…", api_key=…
            new Rule("(?i)\\b((?:[a-z]+[_-]?)?(?:password|passwd|secret|token|api[_-]?key|apikey)\"?\\s*[=:]\\s*\"?)"
                    + "(?!\\*\\*\\*)[^\\s\"&,;}\\]]+", m -> m.group(1) + MASK,
                    text -> (text.indexOf('=') >= 0 || text.indexOf(':') >= 0) && (containsIgnoringCase(text, "pass")
                            || containsIgnoringCase(text, "secret") || containsIgnoringCase(text, "token")
                            || containsIgnoringCase(text, "key"))),
            // a bare Twilio auth token (32 hex digits; message SIDs are prefixed, so they do not match)
            new Rule("(?<![0-9A-Za-z])[0-9a-fA-F]{32}(?![0-9A-Za-z])", m -> MASK,
                    text -> longestRun(text, LogMasking::isHex) >= 32),
            new Rule(JSON_TEXT, m -> m.group(1) + MASK + m.group(2),
                    text -> text.indexOf('"') >= 0 && text.indexOf(':') >= 0),
            new Rule(PAIR_TEXT, m -> m.group(1) + MASK, text -> text.indexOf('=') >= 0),
            // e-mail addresses, also percent-encoded (%40)
            new Rule("[A-Za-z0-9._%+-]+(?:@|%40)([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})",
                    m -> MASK + "@" + m.group(1), text -> text.indexOf('@') >= 0 || text.contains("%40")),
            // E.164 (also %2B-encoded and after whatsapp:/sms:) and bare WhatsApp ids after a colon
            new Rule("(?:(?<![\\w.\\-])|(?<=%3[Aa]))(\\+|%2[Bb])(\\d{6,15})(?!\\d)|(?<=:)(\\d{10,15})(?!\\d)", LogMasking::lastFour,
                    text -> longestRun(text, Character::isDigit) >= 6));

    private LogMasking() {
    }

    /** Masks secrets, message texts, e-mail addresses and phone numbers (all but their last 4 digits) in a log text. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (Rule rule : RULES) {
            masked = rule.apply(masked);
        }
        return masked;
    }

    /** A loggable stand-in for a message text: its length only. */
    public static String body(String text) {
        return text == null ? "[no body]" : "[body: " + text.length() + " chars]";
    }

    /** A loggable stand-in for a phone number or address: its last four digits only. */
    public static String phone(String address) {
        return address == null ? null : RULES.get(RULES.size() - 1).apply(address);
    }

    private static String lastFour(Matcher m) {
        String prefix = m.group(1) == null ? "" : m.group(1);
        String digits = m.group(2) != null ? m.group(2) : m.group(3);
        return prefix + "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    private static boolean containsIgnoringCase(String text, String lowerCaseWord) {
        for (int i = 0, last = text.length() - lowerCaseWord.length(); i <= last; i++) {
            if (text.regionMatches(true, i, lowerCaseWord, 0, lowerCaseWord.length())) {
                return true;
            }
        }
        return false;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static int longestRun(String text, CharPredicate member) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = member.test(text.charAt(i)) ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    @FunctionalInterface
    private interface CharPredicate {
        boolean test(char c);
    }

    private record Rule(Pattern pattern, Function<Matcher, String> replacement, Predicate<String> mayMatch) {

        Rule(String regex, Function<Matcher, String> replacement, Predicate<String> mayMatch) {
            this(Pattern.compile(regex), replacement, mayMatch);
        }

        String apply(String text) {
            if (!mayMatch.test(text)) {
                return text;
            }
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            do {
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
            } while (matcher.find());
            return matcher.appendTail(out).toString();
        }
    }
}
