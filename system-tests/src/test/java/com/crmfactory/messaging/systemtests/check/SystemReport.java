package com.crmfactory.messaging.systemtests.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code target/system-report.md} and {@code target/system-report.json}: every scenario, invariant and figure. */
public final class SystemReport {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final String stack;
    private final Instant started = Instant.now();
    private final List<ScenarioResult> scenarios = new ArrayList<>();

    public SystemReport(String stack) {
        this.stack = stack;
    }

    public void add(ScenarioResult result) {
        scenarios.add(result);
    }

    public List<ScenarioResult> scenarios() {
        return scenarios;
    }

    public boolean passed() {
        return !scenarios.isEmpty() && scenarios.stream().allMatch(ScenarioResult::passed);
    }

    /** Writes both files into {@code directory}; returns the Markdown one. */
    public Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("system-report.json"), JSON.writeValueAsString(asMap()));
        Path markdown = directory.resolve("system-report.md");
        Files.writeString(markdown, markdown());
        return markdown;
    }

    private Map<String, Object> asMap() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("stack", stack);
        report.put("started", started.toString());
        report.put("passed", passed());
        report.put("loadAverage", loadAverage());
        List<Map<String, Object>> list = new ArrayList<>();
        for (ScenarioResult s : scenarios) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", s.name());
            one.put("description", s.description());
            one.put("passed", s.passed());
            one.put("durationMs", s.durationMillis());
            if (s.error() != null) {
                one.put("error", s.error());
            }
            one.put("figures", s.figures());
            List<Map<String, Object>> invariants = new ArrayList<>();
            for (InvariantResult i : s.invariants()) {
                Map<String, Object> inv = new LinkedHashMap<>();
                inv.put("name", i.name());
                inv.put("held", i.held());
                inv.put("figures", i.figures());
                if (!i.detail().isEmpty()) {
                    inv.put("detail", i.detail());
                }
                invariants.add(inv);
            }
            one.put("invariants", invariants);
            list.add(one);
        }
        report.put("scenarios", list);
        return report;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# System report\n\n");
        md.append("Stack: ").append(stack).append(" · started ").append(started).append(" · load average ")
                .append(loadAverage()).append("\n\n");
        md.append("**").append(passed() ? "PASSED" : "BROKEN").append("**: ")
                .append(scenarios.stream().filter(ScenarioResult::passed).count()).append(" of ").append(scenarios.size())
                .append(" scenarios held every invariant.\n\n");
        md.append("| Scenario | Result | Duration |\n|---|---|---|\n");
        for (ScenarioResult s : scenarios) {
            md.append("| ").append(s.name()).append(" | ").append(s.passed() ? "held" : "**broken**").append(" | ")
                    .append(String.format("%.1f s", s.durationMillis() / 1000.0)).append(" |\n");
        }
        for (ScenarioResult s : scenarios) {
            md.append("\n## ").append(s.name()).append(s.passed() ? "" : " — BROKEN").append("\n\n");
            md.append(s.description()).append("\n\n");
            if (s.error() != null) {
                md.append("Error: `").append(s.error()).append("`\n\n");
            }
            if (!s.figures().isEmpty()) {
                md.append("Figures: ").append(inline(s.figures())).append("\n\n");
            }
            md.append("| Invariant | Held | Figures |\n|---|---|---|\n");
            for (InvariantResult i : s.invariants()) {
                md.append("| ").append(i.name()).append(" | ").append(i.held() ? "yes" : "**NO**: " + i.detail().replace("|", "/"))
                        .append(" | ").append(inline(i.figures()).replace("|", "/")).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String inline(Map<String, Object> figures) {
        StringBuilder s = new StringBuilder();
        figures.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append(" ").append(v));
        return s.toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return String.valueOf(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
