package com.crmfactory.messaging.devstack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    @Test
    void percentilesAreNearestRank() {
        Stats stats = Stats.of(List.of(5L, 1L, 4L, 2L, 3L, 6L, 7L, 8L, 9L, 10L));
        assertThat(stats).isEqualTo(new Stats(10, 5, 9, 10, 10));
        assertThat(Stats.of(List.of()).count()).isZero();
    }

    @Test
    void customerNumbersAreFreshNorthAmericanNumbersOutsideTollFree() {
        CustomerNumbers numbers = new CustomerNumbers();
        String first = numbers.next();
        assertThat(first).matches("\\+1[2-7]\\d{2}[2-9]\\d{6}");
        assertThat(numbers.next()).isNotEqualTo(first);
    }

    @Test
    void theKneeIsTheHighestRateBeforeTheFirstThatFailedAndNamesTheBusiestProcessThere() {
        LoadReport report = new LoadReport("--rates 10,20,40", "test", 60);
        report.add(step(10, true, 0.3));
        report.add(step(20, true, 0.6));
        report.add(step(40, false, 1.4));
        assertThat(report.knee()).startsWith("20 msg/s; busiest process: ai-agent-service (1.40 of");
        assertThat(report.markdown()).contains("| 40/s |").contains("backlog growing");
    }

    @Test
    void aRateThatBeganBehindNeitherCountsNorFailsForTheKnee() {
        LoadReport report = new LoadReport("--rates 20,30", "test", 60);
        report.add(step(20, false, 1.0, 2_467));
        report.add(step(30, true, 1.2));
        assertThat(report.knee()).startsWith("30 msg/s; busiest process: ai-agent-service (1.20 of");
    }

    @Test
    void postgresCostsPerMessageAppearUnderTheirRate() {
        LoadReport report = new LoadReport("--rates 10", "test", 60);
        report.add(step(10, true, 0.3));
        assertThat(report.markdown()).contains("### 10 msg/s: PostgreSQL per message")
                .contains("| conversation | 9.0 | 30.5 | 1.25 ms |")
                .contains("| conversation | 4.00 | 0.500 | `update session set a=$1 \\| b` |");
    }

    @Test
    void eachJvmsHottestThreadsAreListed() {
        LoadReport report = new LoadReport("--rates 10", "test", 60);
        report.add(step(10, true, 0.3));
        assertThat(report.markdown()).contains("| ai-agent-service | `C2 CompilerThre` 12.5, `java` 8.0 |")
                .doesNotContain("| conversation-service | |");
    }

    @Test
    void theMeterReadsCpuAndMemoryOfAProcessFromProc() {
        ProcessMeter meter = new ProcessMeter(List.of(ProcessMeter.Watched.parse("self:" + ProcessHandle.current().pid() + ":-")));
        ProcessMeter.Reading reading = meter.read().get("self");
        assertThat(reading.cpuSeconds()).isPositive();
        assertThat(reading.rssBytes()).isGreaterThan(10L * 1024 * 1024);
        assertThat(reading.heapUsedBytes()).isEqualTo(-1); // no management port
        // this JVM's threads by name, the JVM's own among them
        assertThat(reading.threadCpuSeconds()).containsKey("VM Thread");
    }

    private static StepResult step(int rate, boolean sustained, double agentCores) {
        return step(rate, sustained, agentCores, 0);
    }

    private static StepResult step(int rate, boolean sustained, double agentCores, long lagAtStart) {
        List<StepResult.ProcessCost> costs = List.of(
                new StepResult.ProcessCost("ai-agent-service", 60, 50, agentCores, 1000, 1, 1, 1, 1,
                        List.of(new StepResult.ThreadCost("C2 CompilerThre", 12.5), new StepResult.ThreadCost("java", 8))),
                new StepResult.ProcessCost("conversation-service", 30, 25, agentCores / 2, 1000, 1, 1, 1, 1, List.of()));
        Stats latency = new Stats(rate * 60, 100, 200, 300, 400);
        return new StepResult(rate, 60, rate * 60, rate * 60, Map.of(), rate * 60, 0, 0, latency, latency, 100,
                sustained ? 110 : 900, lagAtStart, 10, List.of(), 0, agentCores * 1.5, costs,
                new DatabaseMeter.Costs(List.of(new DatabaseMeter.DatabaseCost("conversation", 9, 30.5, 1.25)),
                        List.of(new DatabaseMeter.StatementCost("conversation", "update session set a=$1 | b", 4, 0.5))),
                sustained,
                sustained ? "sustained" : "backlog growing");
    }
}
