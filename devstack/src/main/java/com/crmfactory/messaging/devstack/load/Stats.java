package com.crmfactory.messaging.devstack.load;

import java.util.Collection;

/** Percentiles of a set of durations in milliseconds (nearest rank). */
record Stats(int count, long p50, long p90, long p99, long max) {

    static Stats of(Collection<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Stats(0, -1, -1, -1, -1);
        }
        return new Stats(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
