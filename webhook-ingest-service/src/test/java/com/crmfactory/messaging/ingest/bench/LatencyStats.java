package com.crmfactory.messaging.ingest.bench;

import java.util.Arrays;

/** Percentiles of a set of latencies in nanoseconds (nearest-rank), reported in milliseconds. */
record LatencyStats(int count, double p50, double p90, double p99, double max) {

    static LatencyStats of(long[] nanos, int count) {
        if (count == 0) {
            return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new LatencyStats(count, ms(rank(sorted, 0.50)), ms(rank(sorted, 0.90)), ms(rank(sorted, 0.99)),
                ms(sorted[count - 1]));
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
