package com.crmfactory.messaging.ingest.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's own view of the Kafka acknowledgement ({@code ingest_publish_ack_seconds} histogram for
 * acknowledged inbound events), from two Prometheus scrapes: count, mean and a bucket-resolution p99 of
 * what happened between them.
 */
record ServerAckMetrics(long count, double sumSeconds, Map<Double, Long> buckets) {

    private static final Pattern LINE = Pattern.compile(
            "^ingest_publish_ack_seconds_(bucket|count|sum)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    static ServerAckMetrics parse(String prometheus) {
        long count = 0;
        double sum = 0;
        Map<Double, Long> buckets = new TreeMap<>();
        Matcher line = LINE.matcher(prometheus);
        while (line.find()) {
            String labels = line.group(2);
            if (!labels.contains("outcome=\"acked\"") || !labels.contains("topic=\"messaging.inbound.v1\"")) {
                continue;
            }
            double value = Double.parseDouble(line.group(3));
            switch (line.group(1)) {
                case "count" -> count = (long) value;
                case "sum" -> sum = value;
                default -> {
                    Matcher le = LE.matcher(labels);
                    if (le.find()) {
                        buckets.put(le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1)), (long) value);
                    }
                }
            }
        }
        return new ServerAckMetrics(count, sum, buckets);
    }

    /** Mean and p99 (upper bound of the bucket holding it) in ms of the acknowledgements since {@code before}. */
    String since(ServerAckMetrics before) {
        long n = count - before.count;
        if (n <= 0) {
            return "–";
        }
        double mean = (sumSeconds - before.sumSeconds) / n * 1000;
        double p99 = Double.NaN;
        for (Map.Entry<Double, Long> bucket : buckets.entrySet()) {
            long cumulative = bucket.getValue() - before.buckets.getOrDefault(bucket.getKey(), 0L);
            if (cumulative >= Math.ceil(0.99 * n)) {
                p99 = bucket.getKey() * 1000;
                break;
            }
        }
        return String.format("%.1f / ≤%.1f", mean, p99);
    }
}
