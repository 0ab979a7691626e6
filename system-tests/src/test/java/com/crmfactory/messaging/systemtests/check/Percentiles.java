package com.crmfactory.messaging.systemtests.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** p50 / p99 / max of a set of durations (nearest rank), as report figures. */
final class Percentiles {

    private Percentiles() {
    }

    static Map<String, Object> of(String prefix, Collection<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(prefix + "Count", sorted.size());
        if (!sorted.isEmpty()) {
            figures.put(prefix + "P50Ms", rank(sorted, 0.50));
            figures.put(prefix + "P99Ms", rank(sorted, 0.99));
            figures.put(prefix + "MaxMs", sorted.get(sorted.size() - 1));
        }
        return figures;
    }

    static long rank(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
