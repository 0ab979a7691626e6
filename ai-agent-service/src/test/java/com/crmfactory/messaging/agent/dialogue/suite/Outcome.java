package com.crmfactory.messaging.agent.dialogue.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one agent turn produced, as a customer and a colleague would see it: the replies (text, the interactive body
 * and options, the template key and variables), the escalation, the intent, and the draft after the turn.
 */
record Outcome(List<Reply> replies, String escalation, String intent, Map<String, Long> draft, String erpOrderNumber) {

    record Reply(String text, String interactiveKind, String interactiveBody, List<String> options, String templateKey,
            Map<String, String> variables) {

        String all() {
            StringBuilder s = new StringBuilder();
            append(s, text);
            append(s, interactiveBody);
            options.forEach(o -> append(s, o));
            append(s, templateKey);
            if (variables != null) {
                variables.values().forEach(v -> append(s, v));
            }
            return s.toString();
        }

        private static void append(StringBuilder s, String part) {
            if (part != null) {
                s.append(part).append('\n');
            }
        }
    }

    String allText() {
        return String.join("\n", replies.stream().map(Reply::all).toList());
    }

    /** Failed expectations of the turn, empty when it behaved as scripted. */
    List<String> check(List<Script.Expectation> expectations) {
        List<String> failures = new ArrayList<>();
        String all = allText().toLowerCase(Locale.ROOT);
        for (Script.Expectation e : expectations) {
            String arg = e.argument();
            boolean ok = switch (e.kind()) {
                case "says" -> java.util.Arrays.stream(arg.split("\\s*&&\\s*")).allMatch(f -> java.util.Arrays
                        .stream(f.split("\\s*\\|\\|\\s*")).anyMatch(alt -> all.contains(alt.toLowerCase(Locale.ROOT))));
                case "not" -> !all.contains(arg.toLowerCase(Locale.ROOT));
                case "list" -> replies.stream().anyMatch(r -> "LIST_PICKER".equals(r.interactiveKind()) && inRange(r.options()
                        .size(), arg));
                case "buttons" -> replies.stream().anyMatch(r -> "QUICK_REPLY".equals(r.interactiveKind())
                        && java.util.Arrays.stream(arg.split("\\s*,\\s*")).allMatch(id -> r.options().stream()
                                .anyMatch(o -> o.startsWith(id + " | "))))
                        || replies.stream().anyMatch(r -> "welcome_menu".equals(r.templateKey()) && arg.contains("order_status"));
                case "template" -> replies.stream().anyMatch(r -> arg.equals(r.templateKey()));
                case "no-template" -> replies.stream().noneMatch(r -> r.templateKey() != null);
                case "escalates" -> arg.equals(escalation);
                case "no-escalation" -> escalation == null;
                case "intent" -> arg.equals(intent);
                case "draft-lines" -> draft.size() == Integer.parseInt(arg);
                case "draft" -> arg.equals("empty") ? draft.isEmpty() : draft.equals(parseDraft(arg));
                case "order" -> erpOrderNumber != null && erpOrderNumber.startsWith("SO-") && replies.stream()
                        .anyMatch(r -> "order_confirmation".equals(r.templateKey()) || r.text() != null
                                && r.text().contains(erpOrderNumber));
                default -> throw new IllegalArgumentException("unknown expectation " + e);
            };
            if (!ok) {
                failures.add("expected " + e + " but got: intent=" + intent + ", escalation=" + escalation + ", draft=" + draft
                        + ", replies=" + allText().replace('\n', ' '));
            }
        }
        return failures;
    }

    private static boolean inRange(int n, String range) {
        if (range.isBlank()) {
            return n >= 2 && n <= 10;
        }
        String[] bounds = range.split("-");
        return n >= Integer.parseInt(bounds[0].strip()) && n <= Integer.parseInt(bounds[bounds.length - 1].strip());
    }

    private static Map<String, Long> parseDraft(String text) {
        Map<String, Long> lines = new java.util.TreeMap<>();
        for (String line : text.split("\\s*,\\s*")) {
            String[] kv = line.split("\\s*=\\s*");
            lines.put(kv[0], Long.parseLong(kv[1]));
        }
        return lines;
    }
}
