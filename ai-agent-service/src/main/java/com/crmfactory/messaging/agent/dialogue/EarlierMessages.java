package com.crmfactory.messaging.agent.dialogue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crmfactory.messaging.agent.context.CustomerMessage;

/**
 * A summary of the messages before a turn's recent history (beyond the last 20), so a long session keeps its context:
 * how many there were, the part numbers and order numbers named in them, and the customer's first words.
 * Deterministic and offline (no model call); the LLM's prompt carries it.
 */
public final class EarlierMessages {

    private static final Pattern SKU = Pattern.compile("\\b[A-Z]{2,4}-[A-Z0-9]+(?:-[A-Z0-9]+)*\\b");
    private static final Pattern ORDER = Pattern.compile("\\bSO-\\d{5,8}\\b");

    private EarlierMessages() {
    }

    public static String summary(List<CustomerMessage> earlier) {
        if (earlier.isEmpty()) {
            return null;
        }
        Set<String> skus = new LinkedHashSet<>();
        Set<String> orders = new LinkedHashSet<>();
        String first = null;
        for (CustomerMessage m : earlier) {
            if (m.body() == null) {
                continue;
            }
            collect(ORDER.matcher(m.body()), orders);
            collect(SKU.matcher(m.body().toUpperCase(java.util.Locale.ROOT)), skus);
            if (first == null && "CUSTOMER".equals(m.author())) {
                first = OfflineDialogue.oneLine(m.body());
            }
        }
        skus.removeAll(orders);
        StringBuilder s = new StringBuilder(earlier.size() + " earlier messages");
        if (first != null) {
            s.append("; the customer began with \"").append(first).append('"');
        }
        if (!skus.isEmpty()) {
            s.append("; parts named: ").append(String.join(", ", skus.stream().limit(10).toList()));
        }
        if (!orders.isEmpty()) {
            s.append("; orders named: ").append(String.join(", ", orders.stream().limit(5).toList()));
        }
        return s.toString();
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            into.add(m.group());
        }
    }
}
