package com.crmfactory.messaging.agent.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.crmfactory.messaging.agent.entity.Finding;

/**
 * The one narrowing question for more parts than a list holds, built from the hits' attributes: the first attribute,
 * in order of how customers tell parts apart (size, type, then the rest), whose values split the hits and fit one list
 * (≤ 10 values); failing that, the first that splits them at all, asked as text with examples (bearing sizes: dozens).
 */
final class Narrowing {

    static final List<String> PRIORITY = List.of("size", "type", "seal", "material", "section", "chain", "output", "coil",
            "power", "poles", "rating", "shape", "range", "length", "cord", "inner diameter", "teeth", "shaft", "bore", "series");

    record Question(String attribute, List<String> values, Map<String, Long> counts) {
    }

    private Narrowing() {
    }

    static Question question(Finding found, Map<String, String> already) {
        Map<String, Map<String, Long>> facets = found.facets();
        List<String> order = new ArrayList<>(PRIORITY);
        facets.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        String first = null;
        for (String attribute : order) {
            Map<String, Long> values = facets.get(attribute);
            if (values == null || values.size() < 2 || already.containsKey(attribute)) {
                continue;
            }
            if (first == null) {
                first = attribute;
                if (values.size() > 10 && attribute.equals("size")) {
                    break; // sizes are what customers know: ask for one rather than a lesser attribute
                }
            }
            if (values.size() <= 10) {
                return new Question(attribute, List.copyOf(values.keySet()), values);
            }
        }
        return first == null ? null : new Question(first, List.copyOf(facets.get(first).keySet()), facets.get(first));
    }

    /** What the hits are, in the customer's words or by their shared type ("hex bolts"). */
    static String what(Finding found, String label) {
        Map<String, Long> types = found.facets().get("type");
        if (types != null && types.size() == 1) {
            String type = types.keySet().iterator().next();
            return type.endsWith("s") ? type : type + "s";
        }
        return "parts matching \"" + label + "\"";
    }
}
