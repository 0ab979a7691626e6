package com.crmfactory.messaging.agent.dialogue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short answers that only mean something in context: yes, no, "cancel that", a list number, "make it 200", "the
 * same as last time". Recognised by their words alone, so "ok go ahead" is a yes and "no thanks" a no.
 */
final class ShortAnswers {

    private static final Set<String> YES_CORE = Set.of("yes", "yeah", "yep", "yup", "y", "ya", "yea", "ok", "okay", "k", "sure",
            "confirm", "confirmed", "go", "correct", "fine", "absolutely", "perfect", "alright", "right", "definitely",
            "agreed", "please", "proceed", "👍");
    private static final Set<String> YES_FILLER = Set.of("ahead", "do", "it", "that", "sounds", "good", "great", "thanks",
            "thank", "you", "place", "the", "order", "is", "s", "that's", "its", "it's", "please", "for", "me", "add", "them",
            "go", "on", "sir", "mate", "all", "of", "course", "yes", "ok", "okay", "sure", "submit", "send", "just", "and");
    private static final Set<String> NO_CORE = Set.of("no", "nope", "nah", "not", "don't", "dont", "never", "wait", "stop",
            "hold");
    private static final Set<String> NO_FILLER = Set.of("thanks", "thank", "you", "now", "yet", "mind", "it", "that", "do",
            "for", "the", "order", "please", "on", "off", "a", "sec", "second", "moment", "minute", "place", "submit", "don't");
    private static final Pattern CANCEL_THAT = Pattern.compile(
            "(?i)^\\s*(?:no,?\\s*)?(?:cancel|undo|scrap|forget|remove)\\s+(?:that|this|it|the last(?: one| line)?)\\s*[.!]*\\s*$"
                    + "|^\\s*undo\\s*[.!]*\\s*$");
    private static final Pattern PICK = Pattern.compile("(?i)^\\s*(?:#|no\\.?\\s*|number\\s+|option\\s+)?(\\d{1,2})\\s*[.)!]*\\s*$");
    private static final Pattern MAKE_IT = Pattern.compile(
            "(?i)\\b(?:make\\s+(?:it|that|them)|change\\s+(?:it|that|them)\\s+to|(?:set|update)\\s+(?:it|that)\\s+to"
                    + "|actually|rather)\\s*:?\\s*(\\d{1,6})\\b|^\\s*(\\d{1,6})\\s+instead\\b");
    private static final Pattern SAME_AS_LAST = Pattern.compile(
            "(?i)\\b(?:same\\s+(?:as|order\\s+as)\\s+(?:last\\s+time|before|last\\s+order|my\\s+last)|repeat\\s+(?:my\\s+)?"
                    + "(?:last|previous)\\s+order|same\\s+(?:order\\s+)?again|reorder|re-order|my\\s+usual|the\\s+usual)\\b");
    private static final Pattern SAME_PART = Pattern.compile(
            "(?i)\\b(?:same\\s+(?:part|one|item|bearing|bolt)s?(?:\\s+as\\s+(?:before|earlier))?|that\\s+(?:part|one)|those|"
                    + "the\\s+same)\\b");

    private ShortAnswers() {
    }

    static boolean yes(String text) {
        List<String> words = words(text);
        return !words.isEmpty() && words.size() <= 6 && words.stream().anyMatch(YES_CORE::contains)
                && words.stream().allMatch(w -> YES_CORE.contains(w) || YES_FILLER.contains(w))
                && !(words.size() == 1 && words.get(0).equals("please"));
    }

    static boolean no(String text) {
        List<String> words = words(text);
        return !words.isEmpty() && words.size() <= 6 && words.stream().anyMatch(NO_CORE::contains)
                && words.stream().allMatch(w -> NO_CORE.contains(w) || NO_FILLER.contains(w));
    }

    static boolean cancelThat(String text) {
        return CANCEL_THAT.matcher(text).find();
    }

    /** The option number a message picks ("2", "#2", "option 2"), or -1. */
    static int pick(String text) {
        Matcher m = PICK.matcher(text);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The new quantity in "make it 200" / "change it to 200" / "200 instead", or null. */
    static Long makeIt(String text) {
        Matcher m = MAKE_IT.matcher(text);
        if (!m.find()) {
            return null;
        }
        return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
    }

    static boolean sameAsLastTime(String text) {
        return SAME_AS_LAST.matcher(text).find();
    }

    static boolean samePart(String text) {
        return SAME_PART.matcher(text).find();
    }

    /** Just a number ("250"): a quantity when the agent asked for one. */
    static Long number(String text) {
        String t = text.trim().replaceAll("(?i)\\s*(pcs|pieces|units|please|pls)\\.?$", "").replaceAll("[.!]+$", "");
        return t.matches("\\d{1,6}") && Long.parseLong(t) > 0 ? Long.parseLong(t) : null;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).replace('’', '\'').split("[^\\p{L}\\p{N}'👍]+"))
                .filter(w -> !w.isBlank()).toList();
    }
}
