package com.crmfactory.messaging.devstack.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hottest frames of JFR recordings: for each file, the methods most often on top of the CPU samples
 * ({@code jdk.ExecutionSample}) and the product's own methods most often found anywhere in them (where our code
 * spends its time, libraries included below it). {@code ./omni load --jfr} records every service during the run.
 *
 * <pre>java -cp … JfrHotFrames [--top 12] file.jfr…</pre>
 */
public final class JfrHotFrames {

    private static final String OUR_PACKAGE = "com.crmfactory.";

    private JfrHotFrames() {
    }

    public static void main(String[] args) throws IOException {
        int top = 12;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--top")) {
                top = Integer.parseInt(args[++i]);
            } else {
                System.out.println(summary(Path.of(args[i]), top));
            }
        }
    }

    static String summary(Path file, int top) throws IOException {
        Map<String, Integer> onTop = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            RecordedStackTrace stack = event.getStackTrace();
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            onTop.merge(name(frames.get(0)), 1, Integer::sum);
            frames.stream().map(JfrHotFrames::name).filter(n -> n.startsWith(OUR_PACKAGE)).distinct()
                    .forEach(n -> ours.merge(n, 1, Integer::sum));
        }
        StringBuilder out = new StringBuilder();
        out.append("### ").append(file.getFileName()).append(" (").append(samples).append(" CPU samples)\n\n")
                .append("| on top of the stack | share | | our method anywhere in the stack | share |\n|---|---:|---|---|---:|\n");
        List<Map.Entry<String, Integer>> a = ranked(onTop, top);
        List<Map.Entry<String, Integer>> b = ranked(ours, top);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            out.append(cell(a, i, samples)).append(" | ").append(cell(b, i, samples)).append(" |\n");
        }
        return out.toString();
    }

    private static List<Map.Entry<String, Integer>> ranked(Map<String, Integer> counts, int top) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top).toList();
    }

    private static String cell(List<Map.Entry<String, Integer>> ranked, int i, int samples) {
        if (i >= ranked.size()) {
            return "| | ";
        }
        Map.Entry<String, Integer> e = ranked.get(i);
        return String.format("| `%s` | %.1f %%", shorten(e.getKey()), 100.0 * e.getValue() / Math.max(1, samples));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** {@code package.Class.method} without the packages above the class's own. */
    private static String shorten(String name) {
        int method = name.lastIndexOf('.');
        int type = name.lastIndexOf('.', method - 1);
        int pkg = type < 0 ? -1 : name.lastIndexOf('.', type - 1);
        return name.substring(pkg + 1);
    }
}
