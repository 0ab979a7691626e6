package com.crmfactory.messaging.systemtests.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one scenario did (its own figures) and every invariant checked after it. */
public final class ScenarioResult {

    private final String name;
    private final String description;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<InvariantResult> invariants = new ArrayList<>();
    private long durationMillis;
    private String error;

    public ScenarioResult(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public ScenarioResult figure(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    public ScenarioResult add(InvariantResult result) {
        invariants.add(result);
        return this;
    }

    public ScenarioResult addAll(List<InvariantResult> results) {
        invariants.addAll(results);
        return this;
    }

    /** The scenario could not run to its end (an exception): it counts as broken. */
    public void failed(Throwable e) {
        this.error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    void duration(long millis) {
        this.durationMillis = millis;
    }

    public boolean passed() {
        return error == null && invariants.stream().allMatch(InvariantResult::held);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Map<String, Object> figures() {
        return figures;
    }

    public List<InvariantResult> invariants() {
        return invariants;
    }

    public long durationMillis() {
        return durationMillis;
    }

    public String error() {
        return error;
    }
}
