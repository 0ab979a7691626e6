package com.crmfactory.messaging.systemtests.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-sender rate limit holds across outbound replicas: {@code n} customers write at once, so {@code n} answers
 * leave from the one business number, and the simulator must see them spread over at least (n − 1) / rate seconds,
 * however many outbound replicas share the work (run the stack with {@code ./omni up --replicas 2}).
 */
public final class SenderPaceScenario implements Scenario {

    private static final long ARRIVAL_JITTER_MILLIS = 100;

    private final int messages;

    public SenderPaceScenario(int messages) {
        this.messages = messages;
    }

    @Override
    public String name() {
        return "sender pace across replicas";
    }

    @Override
    public String description() {
        return messages + " customers write within a second; their " + messages + " answers leave from one business "
                + "number no faster than its rate limit, whatever the number of outbound replicas.";
    }

    @Override
    public void run(Stack stack, ScenarioResult result) throws Exception {
        Invariants invariants = new Invariants(stack);
        Invariants.Baseline baseline = invariants.baseline();
        Webhooks webhooks = new Webhooks(stack);
        List<Webhooks.Posted> posted = new ArrayList<>();
        Set<String> customers = new HashSet<>();
        for (int i = 0; i < messages; i++) {
            String customer = Webhooks.customer();
            customers.add(customer);
            posted.add(webhooks.post(Webhooks.SMS_PATH, webhooks.sms(customer, "Is order " + (5100 + i) + " on its way?")));
        }
        result.figures().putAll(Invariants.postFigures(posted));
        int rate = stack.senderMessagesPerSecond();
        result.addAll(invariants.verify(baseline, posted, Expect.answers(stack, messages, Duration.ofSeconds(60))));

        List<Long> sentAt = new Simulator(stack.simulatorUrl()).messages().stream()
                .filter(m -> customers.contains(m.to())).map(Simulator.Sent::createdAtMillis).sorted().toList();
        long spreadMillis = sentAt.size() < 2 ? 0 : sentAt.get(sentAt.size() - 1) - sentAt.get(0);
        // the limiter spaces the sends' starts; the simulator stamps their arrival, one HTTP exchange later, whose
        // duration varies by a few milliseconds: that jitter is allowed, a second replica sending on its own is not
        // (it would halve the spread)
        long floorMillis = 1_000L * (messages - 1) / Math.max(1, rate) - ARRIVAL_JITTER_MILLIS;
        result.figure("senderMessagesPerSecond", rate).figure("answersSeen", sentAt.size())
                .figure("firstToLastAnswerMs", spreadMillis).figure("rateFloorMs", floorMillis);
        result.add(InvariantResult.of("answers from one sender no faster than its rate limit",
                sentAt.size() == messages && spreadMillis >= floorMillis,
                Map.of("answers", sentAt.size(), "firstToLastMs", spreadMillis, "floorMs", floorMillis), null));
    }
}
