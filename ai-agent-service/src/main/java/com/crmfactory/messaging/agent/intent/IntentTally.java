package com.crmfactory.messaging.agent.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Right and wrong answers per intent and the confusions, as the evaluation commands print them. */
final class IntentTally {

    private final Map<String, int[]> perIntent = new TreeMap<>();
    private final Map<String, Integer> confusions = new TreeMap<>();

    /** @return whether the prediction was right */
    boolean add(String expected, String predicted) {
        boolean ok = predicted.equals(expected);
        int[] counts = perIntent.computeIfAbsent(expected, k -> new int[2]);
        counts[0]++;
        counts[1] += ok ? 1 : 0;
        if (!ok) {
            confusions.merge(expected + " -> " + predicted, 1, Integer::sum);
        }
        return ok;
    }

    void print() {
        System.out.println("per intent (rows, accuracy):");
        perIntent.forEach((intent, c) -> System.out.printf("  %-28s %4d  %.4f%n", intent, c[0], (double) c[1] / c[0]));
        System.out.println("most frequent confusions (expected -> predicted: count):");
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(confusions.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        sorted.stream().limit(15).forEach(e -> System.out.printf("  %-55s %d%n", e.getKey(), e.getValue()));
    }
}
