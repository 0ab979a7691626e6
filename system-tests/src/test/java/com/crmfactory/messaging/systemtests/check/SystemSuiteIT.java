package com.crmfactory.messaging.systemtests.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.systemtests.LocalStack;

/**
 * The system suite's CI subset inside {@code ./mvnw verify}: one stack from the jars for every scenario (no
 * broker faults: the broker lives in this JVM), the report in {@code target/system-report.md} and {@code .json},
 * and a failure when any invariant broke. {@code -Dsystem-suite.kills=conversation-service,outbound-messaging-service}
 * chooses the services killed under load (default: conversation-service; the full suite, ./omni check, kills each).
 */
class SystemSuiteIT {

    @Test
    void everyScenarioHoldsEveryInvariant() throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new SignatureAttackScenario());
        scenarios.add(new DuplicateWebhooksScenario(5));
        scenarios.add(new StatusCallbackScenario(3));
        scenarios.add(new TwilioFailureScenario(Duration.ofSeconds(12)));
        scenarios.add(new MediaSsrfScenario());
        scenarios.add(new CrossTenantScenario());
        for (String service : System.getProperty("system-suite.kills", "conversation-service").split(",")) {
            if (!service.isBlank()) {
                scenarios.add(new KillUnderLoadScenario(service.strip(), 4, Duration.ofSeconds(3), Duration.ofSeconds(12)));
            }
        }
        scenarios.add(new PersonalDataScanScenario());

        SystemReport report;
        // logs and jar copies of its own (target/system-suite/): the PII scan must read this stack's logs only
        String logs = System.getProperty("system-tests.dir");
        System.setProperty("system-tests.dir", "target/system-suite");
        try (LocalStack stack = new LocalStack()) {
            report = SystemSuite.run(stack, "system-tests LocalStack (failsafe, harness Kafka + PostgreSQL)", scenarios, Path.of("target"));
        } finally {
            if (logs == null) {
                System.clearProperty("system-tests.dir");
            } else {
                System.setProperty("system-tests.dir", logs);
            }
        }
        assertThat(report.passed()).as(Files.readString(Path.of("target", "system-report.md"))).isTrue();
    }
}
