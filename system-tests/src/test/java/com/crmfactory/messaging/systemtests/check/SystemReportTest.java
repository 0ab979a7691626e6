package com.crmfactory.messaging.systemtests.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SystemReportTest {

    @TempDir
    Path dir;

    @Test
    void aBrokenInvariantBreaksTheReportAndEveryFigureIsWritten() throws Exception {
        SystemReport report = new SystemReport("test stack");
        ScenarioResult held = new ScenarioResult("duplicates", "ten copies").figure("webhooksPosted", 50);
        held.add(InvariantResult.of("stored once", true, Map.of("missing", 0), null));
        report.add(held);
        assertThat(report.passed()).isTrue();

        ScenarioResult broken = new ScenarioResult("kill", "kill -9");
        broken.add(InvariantResult.of("lag back to 0", false, Map.of("finalLag", 7), "still lagging"));
        report.add(broken);
        assertThat(report.passed()).isFalse();

        Path markdown = report.write(dir);
        assertThat(Files.readString(markdown)).contains("**BROKEN**: 1 of 2", "| kill | **broken**", "webhooksPosted 50",
                "**NO**: still lagging", "finalLag 7");
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("system-report.json")));
        assertThat(json.path("passed").asBoolean()).isFalse();
        assertThat(json.path("scenarios").get(1).path("invariants").get(0).path("figures").path("finalLag").asInt()).isEqualTo(7);
    }

    @Test
    void aScenarioThatThrewCountsAsBroken() {
        ScenarioResult result = new ScenarioResult("broker paused", "SIGSTOP");
        result.failed(new IllegalStateException("kill -STOP failed"));
        assertThat(result.passed()).isFalse();
        assertThat(result.error()).contains("kill -STOP failed");
    }

    @Test
    void percentilesAreNearestRank() {
        Map<String, Object> figures = Percentiles.of("ack", List.of(5L, 1L, 3L, 2L, 4L, 100L, 6L, 7L, 8L, 9L));
        assertThat(figures).containsEntry("ackCount", 10).containsEntry("ackP50Ms", 5L).containsEntry("ackP99Ms", 100L)
                .containsEntry("ackMaxMs", 100L);
        assertThat(Percentiles.of("none", List.of())).containsOnlyKeys("noneCount");
    }
}
