package com.crmfactory.messaging.devstack.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The load run's report: Markdown for people, JSON (the same figures) for tools. */
final class LoadReport {

    private final String arguments;
    private final String label;
    private final int seconds;
    private final Instant startedAt = Instant.now();
    private final List<StepResult> steps = new ArrayList<>();

    LoadReport(String arguments, String label, int seconds) {
        this.arguments = arguments;
        this.label = label;
        this.seconds = seconds;
    }

    void add(StepResult step) {
        steps.add(step);
    }

    /**
     * The highest rate whose backlog did not grow, and what was busiest at the first rate that failed; a rate that
     * began behind (not judged) neither counts nor fails.
     */
    String knee() {
        StepResult best = null;
        StepResult failed = null;
        for (StepResult s : steps) {
            if (!s.judged()) {
                continue;
            }
            if (s.sustained() && failed == null) {
                best = s;
            } else if (!s.sustained() && failed == null) {
                failed = s;
            }
        }
        StepResult busiest = failed != null ? failed : steps.isEmpty() ? null : steps.get(steps.size() - 1);
        String bottleneck = busiest == null ? "-" : busiest.processes().stream()
                .max(Comparator.comparingDouble(StepResult.ProcessCost::coresBusy))
                .map(p -> String.format("%s (%.2f of %d cores at %d msg/s; the machine %.2f cores busy)", p.name(),
                        p.coresBusy(), Runtime.getRuntime().availableProcessors(), busiest.rate(), busiest.machineCoresBusy()))
                .orElse("-");
        return (best == null ? "no rate sustained" : best.rate() + " msg/s") + "; busiest process: " + bottleneck;
    }

    static String line(StepResult s) {
        return String.format("  %d msg/s: %d sent, %d acknowledged, %d answered; ack p50 %d / p99 %d ms; reply p50 %d / "
                + "p90 %d / p99 %d ms; lag max %d; %s", s.rate(), s.sent(), s.acknowledged(), s.answered(), s.ack().p50(),
                s.ack().p99(), s.reply().p50(), s.reply().p90(), s.reply().p99(), s.lagMax(), s.verdict());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Pipeline load report\n\n")
                .append("- started ").append(startedAt).append(", ").append(seconds).append(" s per rate, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores\n")
                .append("- arguments: `").append(arguments).append("`\n");
        if (!label.isBlank()) {
            md.append("- stack: ").append(label).append('\n');
        }
        md.append("- latency: webhook sent → the AI's reply POSTed to the Twilio simulator (one new customer per message)\n")
                .append("- **knee: ").append(knee()).append("**\n\n")
                .append("| rate | sent | acked | answered | ack p50 / p99 | reply p50 | p90 | p99 | max | lag max | verdict |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (StepResult s : steps) {
            md.append(String.format("| %d/s | %d | %d | %d | %d / %d ms | %d ms | %d ms | %d ms | %d ms | %d | %s |%n",
                    s.rate(), s.sent(), s.acknowledged(), s.answered(), s.ack().p50(), s.ack().p99(), s.reply().p50(),
                    s.reply().p90(), s.reply().p99(), s.reply().max(), s.lagMax(), s.verdict()));
        }
        for (StepResult s : steps) {
            md.append(String.format("%n## %d msg/s: cost per process (send and drain; machine %.2f cores busy)%n%n", s.rate(),
                    s.machineCoresBusy()))
                    .append("| process | CPU s | CPU s / 1,000 msgs | cores | alloc / msg | RSS start → end | heap start → end |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (StepResult.ProcessCost p : s.processes()) {
                md.append(String.format("| %s | %.1f | %.2f | %.2f | %s | %s → %s | %s → %s |%n", p.name(), p.cpuSeconds(),
                        p.cpuSecondsPer1000(), p.coresBusy(), p.allocatedBytesPerMessage() < 0 ? "-"
                                : p.allocatedBytesPerMessage() / 1024 + " KiB",
                        mib(p.rssStartBytes()), mib(p.rssEndBytes()), mib(p.heapStartBytes()), mib(p.heapEndBytes())));
            }
            if (!s.lagMaxGroups().isEmpty()) {
                md.append("\nlag at its maximum: ").append(String.join(", ", s.lagMaxGroups())).append('\n');
            }
            appendThreads(md, s);
            appendDatabase(md, s);
        }
        return md.toString();
    }

    private static void appendThreads(StringBuilder md, StepResult s) {
        List<StepResult.ProcessCost> withThreads = s.processes().stream().filter(p -> !p.hottestThreads().isEmpty()).toList();
        if (withThreads.isEmpty()) {
            return;
        }
        md.append("\n| process | hottest threads (CPU s in the step; a pool's threads together, names cut at 15 characters) |\n")
                .append("|---|---|\n");
        for (StepResult.ProcessCost p : withThreads) {
            md.append("| ").append(p.name()).append(" | ").append(p.hottestThreads().stream()
                    .map(t -> String.format("`%s` %.1f", t.name().replace("|", "\\|"), t.cpuSeconds()))
                    .collect(Collectors.joining(", "))).append(" |\n");
        }
    }

    private static void appendDatabase(StringBuilder md, StepResult s) {
        if (s.database().databases().isEmpty()) {
            return;
        }
        md.append(String.format("%n### %d msg/s: PostgreSQL per message%n%n", s.rate()))
                .append("| database | commits | statements | execution time |\n|---|---:|---:|---:|\n");
        for (DatabaseMeter.DatabaseCost d : s.database().databases()) {
            md.append(String.format("| %s | %.1f | %.1f | %.2f ms |%n", d.database(), d.commitsPerMessage(),
                    d.statementsPerMessage(), d.execMillisPerMessage()));
        }
        if (!s.database().topStatements().isEmpty()) {
            md.append("\n| database | calls / msg | ms / msg | statement (by execution time) |\n|---|---:|---:|---|\n");
            for (DatabaseMeter.StatementCost q : s.database().topStatements()) {
                md.append(String.format("| %s | %.2f | %.3f | `%s` |%n", q.database(), q.callsPerMessage(),
                        q.execMillisPerMessage(), q.query().replace("|", "\\|")));
            }
        }
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("load-report.md"), markdown());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", startedAt.toString());
        json.put("arguments", arguments);
        json.put("label", label);
        json.put("knee", knee());
        json.put("steps", steps);
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValue(dir.resolve("load-report.json").toFile(), json);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "-" : bytes / (1024 * 1024) + " MiB";
    }
}
