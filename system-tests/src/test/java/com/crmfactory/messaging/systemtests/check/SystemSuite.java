package com.crmfactory.messaging.systemtests.check;

import java.nio.file.Path;
import java.util.List;

/** Runs scenarios one after the other on one stack and writes the report; a scenario's exception breaks only it. */
public final class SystemSuite {

    private SystemSuite() {
    }

    public static SystemReport run(Stack stack, String stackName, List<Scenario> scenarios, Path reportDirectory) throws Exception {
        SystemReport report = new SystemReport(stackName);
        for (Scenario scenario : scenarios) {
            ScenarioResult result = new ScenarioResult(scenario.name(), scenario.description());
            long start = System.nanoTime();
            System.out.println("[system-suite] " + scenario.name() + " ...");
            try {
                scenario.run(stack, result);
            } catch (Exception | AssertionError e) {
                result.failed(e);
                e.printStackTrace(System.out);
            }
            result.duration((System.nanoTime() - start) / 1_000_000);
            System.out.println("[system-suite] " + scenario.name() + ": " + (result.passed() ? "held" : "BROKEN")
                    + " in " + result.durationMillis() + " ms");
            report.add(result);
            // written after each scenario: a run cut short still leaves what it found
            report.write(reportDirectory);
        }
        return report;
    }
}
