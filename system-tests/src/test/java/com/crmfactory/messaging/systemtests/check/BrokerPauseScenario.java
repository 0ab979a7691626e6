package com.crmfactory.messaging.systemtests.check;

import java.time.Duration;
import java.util.List;

/** The broker frozen ({@code SIGSTOP}) for 30 s under load, then {@code SIGCONT}: every acknowledged webhook holds. */
public final class BrokerPauseScenario implements Scenario {

    private final double perSecond;
    private final Duration paused;

    public BrokerPauseScenario(double perSecond, Duration paused) {
        this.perSecond = perSecond;
        this.paused = paused;
    }

    @Override
    public String name() {
        return "broker paused " + paused.toSeconds() + " s";
    }

    @Override
    public String description() {
        return "Signed webhooks at " + perSecond + "/s; the Kafka broker is stopped with SIGSTOP for " + paused.toSeconds()
                + " s, then SIGCONT; load goes on 15 s. Every acknowledged webhook satisfies every invariant.";
    }

    @Override
    public void run(Stack stack, ScenarioResult result) throws Exception {
        Invariants invariants = new Invariants(stack);
        Invariants.Baseline baseline = invariants.baseline();
        List<Webhooks.Posted> posted;
        try (SteadyLoad load = new SteadyLoad(new Webhooks(stack)).start(perSecond)) {
            Thread.sleep(5_000);
            stack.pause("kafka");
            try {
                Thread.sleep(paused.toMillis());
            } finally {
                stack.resume("kafka");
            }
            Thread.sleep(15_000);
            posted = load.stop();
        }
        result.figure("pausedMs", paused.toMillis());
        result.figures().putAll(Invariants.postFigures(posted));
        int acknowledged = (int) posted.stream().filter(Webhooks.Posted::acknowledged).count();
        result.addAll(invariants.verify(baseline, posted, Expect.answers(stack, acknowledged, Duration.ofSeconds(90))));
    }
}
