package com.crmfactory.messaging.devstack.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What each process of the stack costs: CPU time and resident memory from {@code /proc} (a process and its
 * descendants, so PostgreSQL counts its backends), and, for Spring Boot services, the heap in use and the bytes
 * allocated so far from their Prometheus endpoint on the management port.
 */
final class ProcessMeter {

    /** A process to watch: {@code name:pid:managementPort} ({@code -} for no management port). */
    record Watched(String name, long pid, int managementPort) {
        static Watched parse(String spec) {
            String[] parts = spec.split(":");
            return new Watched(parts[0], Long.parseLong(parts[1]), parts[2].equals("-") ? -1 : Integer.parseInt(parts[2]));
        }
    }

    /**
     * One reading of one process; -1 where it could not be read. {@code threadCpuSeconds}: CPU time by thread name for a
     * single-process JVM (empty for a process with children, such as PostgreSQL's server).
     */
    record Reading(double cpuSeconds, long rssBytes, long heapUsedBytes, long allocatedBytes,
            Map<String, Double> threadCpuSeconds) {
    }

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux
    private static final long PAGE_BYTES = 4096;

    private final List<Watched> processes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ProcessMeter(List<Watched> processes) {
        this.processes = processes;
    }

    List<Watched> processes() {
        return processes;
    }

    Map<String, Reading> read() {
        Map<Long, List<Long>> children = childrenByParent();
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (Watched p : processes) {
            List<Long> tree = new ArrayList<>();
            collect(p.pid(), children, tree);
            double cpu = 0;
            long rss = 0;
            for (long pid : tree) {
                long[] stat = stat(pid);
                // with the CPU of its exited children that it reaped: PostgreSQL's backends come and go with the pools'
                // connections, and their CPU would otherwise vanish from the sum (a negative figure for a step)
                cpu += (stat[0] + stat[1] + stat[4] + stat[5]) / TICKS_PER_SECOND;
                rss += stat[2] * PAGE_BYTES;
            }
            Map<String, Double> metrics = p.managementPort() < 0 ? Map.of() : prometheus(p.managementPort());
            readings.put(p.name(), new Reading(cpu, rss, metrics.getOrDefault("heap", -1.0).longValue(),
                    metrics.getOrDefault("allocated", -1.0).longValue(),
                    tree.size() == 1 ? threadCpu(p.pid()) : Map.of()));
        }
        return readings;
    }

    /** CPU time of the whole machine that was not idle, in seconds (all cores). */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void collect(long pid, Map<Long, List<Long>> children, List<Long> into) {
        into.add(pid);
        for (long child : children.getOrDefault(pid, List.of())) {
            collect(child, children, into);
        }
    }

    private static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            proc.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).forEach(n -> {
                long pid = Long.parseLong(n);
                long ppid = stat(pid)[3];
                if (ppid > 0) {
                    children.computeIfAbsent(ppid, k -> new ArrayList<>()).add(pid);
                }
            });
        } catch (IOException e) {
            // no /proc: CPU and memory stay unknown
        }
        return children;
    }

    /**
     * CPU seconds by thread name ({@code /proc/<pid>/task}), a pool's numbered threads together ("GC Thread#0" and
     * "GC Thread#1" as "GC Thread#"). Native threads count too, which JFR's samples do not see (ONNX Runtime's worker,
     * named "java", was found this way). Linux keeps the first 15 characters of a name.
     */
    private static Map<String, Double> threadCpu(long pid) {
        Map<String, Double> byName = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String line = Files.readString(task.resolve("stat"));
                    String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')).replaceAll("[0-9]+$", "");
                    String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND, Double::sum);
                } catch (IOException | RuntimeException threadGone) {
                    // ended between the listing and the read
                }
            });
        } catch (IOException | RuntimeException e) {
            // process gone
        }
        return byName;
    }

    /**
     * utime, stime (ticks), rss (pages), ppid, then cutime, cstime (ticks of the children it reaped) of a process; zeros
     * when it is gone.
     */
    private static long[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name (field 2) may hold spaces: fields are counted after its closing parenthesis
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[21]), Long.parseLong(f[1]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0, 0, 0, 0, 0};
        }
    }

    private Map<String, Double> prometheus(int port) {
        Map<String, Double> values = new HashMap<>();
        try {
            String text = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            double heap = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += value(line);
                } else if (line.startsWith("jvm_gc_memory_allocated_bytes_total")) {
                    values.put("allocated", value(line));
                }
            }
            values.put("heap", heap);
        } catch (IOException | RuntimeException e) {
            // a service that does not answer (e.g. killed) has no figures
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return values;
    }

    private static double value(String line) {
        String[] parts = line.trim().split(" ");
        return Double.parseDouble(parts[parts.length - 1]);
    }
}
