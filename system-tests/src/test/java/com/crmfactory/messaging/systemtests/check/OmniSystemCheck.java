package com.crmfactory.messaging.systemtests.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The full system suite against a running {@code ./omni up} stack: {@code ./omni check} runs it (the
 * {@code system-check} profile of this module). Not part of {@code ./mvnw verify}: its name does not end in IT.
 * {@code -Dsystem-check.scenarios=signatures,duplicates,kill,broker,postgres,pace,callbacks,twilio,ssrf,tenants,pii} picks scenarios, {@code -Dsystem-check.rate=10} the load.
 */
class OmniSystemCheck {

    @Test
    void everyScenarioHoldsEveryInvariantOnTheRunningStack() throws Exception {
        OmniStack stack = new OmniStack();
        String chosen = System.getProperty("system-check.scenarios", "");
        double rate = Double.parseDouble(System.getProperty("system-check.rate", "10"));
        Duration before = Duration.ofSeconds(Long.parseLong(System.getProperty("system-check.before-kill-seconds", "5")));
        Duration load = Duration.ofSeconds(Long.parseLong(System.getProperty("system-check.load-seconds", "20")));
        List<Scenario> scenarios = new ArrayList<>();
        if (wanted(chosen, "signatures")) {
            scenarios.add(new SignatureAttackScenario());
        }
        if (wanted(chosen, "duplicates")) {
            scenarios.add(new DuplicateWebhooksScenario(10));
        }
        if (wanted(chosen, "kill")) {
            String kills = System.getProperty("system-check.kills", "");
            for (String service : kills.isBlank() ? Stack.SERVICES : List.of(kills.split(","))) {
                scenarios.add(new KillUnderLoadScenario(service, rate, before, load));
            }
        }
        if (wanted(chosen, "broker")) {
            scenarios.add(new KillUnderLoadScenario("kafka", rate, before, load));
            scenarios.add(new BrokerPauseScenario(rate, Duration.ofSeconds(30)));
        }
        if (wanted(chosen, "postgres")) {
            // the launcher killed: the server keeps serving and the next launcher adopts it; the server killed: the
            // launcher starts it again after crash recovery, and the services reconnect
            scenarios.add(new KillUnderLoadScenario("postgres", rate, before, load));
            scenarios.add(new KillUnderLoadScenario(OmniStack.POSTMASTER, rate, before, load));
        }
        if (wanted(chosen, "pace")) {
            scenarios.add(new SenderPaceScenario(Integer.getInteger("system-check.pace-messages", 60)));
        }
        if (wanted(chosen, "callbacks")) {
            scenarios.add(new StatusCallbackScenario(5));
        }
        if (wanted(chosen, "twilio")) {
            scenarios.add(new TwilioFailureScenario(Duration.ofSeconds(20)));
        }
        if (wanted(chosen, "ssrf")) {
            scenarios.add(new MediaSsrfScenario());
        }
        if (wanted(chosen, "tenants")) {
            scenarios.add(new CrossTenantScenario());
        }
        if (wanted(chosen, "pii")) {
            scenarios.add(new PersonalDataScanScenario());
        }
        SystemReport report = SystemSuite.run(stack, "./omni up (" + stack.gatewayUrl() + ")", scenarios, Path.of("target"));
        assertThat(report.passed()).as(Files.readString(Path.of("target", "system-report.md"))).isTrue();
    }

    private static boolean wanted(String chosen, String name) {
        return chosen.isBlank() || List.of(chosen.split(",")).contains(name);
    }
}
