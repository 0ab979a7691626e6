package com.crmfactory.messaging.agent.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.crmfactory.messaging.agent.erp.Erp;

/**
 * Finds order numbers, quantities and parts in a message. A bare number is a part code when the
 * catalogue has it as a SKU segment (6204), otherwise a quantity (250), so "250 6204 bearings" reads
 * right; parts are matched tolerantly by {@link PartMatcher}.
 */
public class EntityExtractor {

    private static final Pattern ORDER = Pattern.compile("(?i)\\b(?:SO|order|ord|order\\s*(?:no|number|#))[\\s#:.-]*(\\d{5,8})\\b");
    private static final Pattern QUANTITY_UNIT = Pattern.compile(
            "(?i)\\b(\\d{1,6})\\s*(?:x\\b|pcs|pieces|piece|units|unit|ea\\b|each|nos|off\\b|qty)");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w-])(\\d{1,6})(?![\\w-])");

    public Entities extract(String text, PartMatcher parts) {
        if (text == null || text.isBlank()) {
            return new Entities(null, null, List.of());
        }
        String rest = text;
        String order = null;
        Matcher o = ORDER.matcher(rest);
        if (o.find()) {
            order = "SO-" + o.group(1);
            rest = rest.substring(0, o.start()) + " " + rest.substring(o.end());
        }
        Long quantity = null;
        Matcher q = QUANTITY_UNIT.matcher(rest);
        if (q.find()) {
            quantity = Long.parseLong(q.group(1));
            rest = rest.substring(0, q.start()) + " " + rest.substring(q.end());
        } else {
            Set<String> codes = parts.codes();
            Matcher n = NUMBER.matcher(rest);
            List<int[]> spans = new ArrayList<>();
            while (n.find()) {
                if (!codes.contains(n.group(1))) {
                    spans.add(new int[] {n.start(), n.end()});
                }
            }
            if (!spans.isEmpty()) {
                int[] first = spans.get(0);
                quantity = Long.parseLong(rest.substring(first[0], first[1]));
                rest = rest.substring(0, first[0]) + " " + rest.substring(first[1]);
            }
        }
        if (quantity != null && quantity <= 0) {
            quantity = null;
        }
        List<Erp.Part> matched = parts.match(rest.toLowerCase(Locale.ROOT));
        return new Entities(order, quantity, matched);
    }
}
