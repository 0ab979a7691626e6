package com.crmfactory.messaging.systemtests.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated Twilio misbehaving per recipient ({@code POST /sim/rules}): a 429 storm, 503 before and after
 * creating the message, answers slower than the client waits. Each answer is retried (or reconciled) and sent:
 * at most one Twilio message per outbound request, every customer answered.
 */
public final class TwilioFailureScenario implements Scenario {

    private static final Map<String, Integer> RULES = new LinkedHashMap<>();

    static {
        RULES.put("too_many_requests", 4);
        RULES.put("server_error", 2);
        RULES.put("server_error_after_create", 1);
        RULES.put("slow", 1);
    }

    private final long slowMillis;

    public TwilioFailureScenario(Duration slow) {
        this.slowMillis = slow.toMillis();
    }

    @Override
    public String name() {
        return "Twilio 429 storm, 5xx, 5xx after create, timeouts";
    }

    @Override
    public String description() {
        return "Per customer, the simulator answers the answer's create with: 429 four times; 503 twice; 503 once although it "
                + "created the message; once after " + slowMillis + " ms. Each is retried or reconciled: at most one send "
                + "per request, every customer answered.";
    }

    @Override
    public void run(Stack stack, ScenarioResult result) throws Exception {
        Simulator simulator = new Simulator(stack.simulatorUrl());
        Invariants invariants = new Invariants(stack);
        Invariants.Baseline baseline = invariants.baseline();
        Webhooks webhooks = new Webhooks(stack);
        List<Webhooks.Posted> posted = new ArrayList<>();
        long postsBefore = simulator.posts();
        try {
            for (Map.Entry<String, Integer> rule : RULES.entrySet()) {
                String customer = Webhooks.customer();
                simulator.rule(customer, rule.getKey(), rule.getValue(), slowMillis);
                posted.add(webhooks.post(Webhooks.SMS_PATH, webhooks.sms(customer, "Has order 6001 shipped?")));
            }
            result.addAll(invariants.verify(baseline, posted, Expect.answers(stack, posted.size(), Duration.ofSeconds(90))));
            result.figure("twilioCreateAttempts", simulator.posts() - postsBefore);
        } finally {
            simulator.clearRules();
        }
    }
}
