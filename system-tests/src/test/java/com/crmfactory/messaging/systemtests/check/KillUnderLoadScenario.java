package com.crmfactory.messaging.systemtests.check;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code kill -9} of one process (a service or the broker) while signed webhooks arrive at a steady rate for a
 * fixed time; its restart begins at once and runs beside the load. Every acknowledged webhook must satisfy every
 * invariant; refusals while it is down must be 5xx (or no answer), never a 4xx Twilio would not retry.
 */
public final class KillUnderLoadScenario implements Scenario {

    private final String process;
    private final double perSecond;
    private final Duration before;
    private final Duration load;

    /** Load for {@code load} in all; the kill comes {@code before} into it. */
    public KillUnderLoadScenario(String process, double perSecond, Duration before, Duration load) {
        this.process = process;
        this.perSecond = perSecond;
        this.before = before;
        this.load = load;
    }

    @Override
    public String name() {
        return "kill -9 " + process;
    }

    @Override
    public String description() {
        return "Signed webhooks at " + perSecond + "/s for " + load.toSeconds() + " s; " + before.toSeconds() + " s in, `kill -9` of "
                + process + " and at once its restart. Every acknowledged webhook satisfies every invariant.";
    }

    @Override
    public void run(Stack stack, ScenarioResult result) throws Exception {
        Invariants invariants = new Invariants(stack);
        Invariants.Baseline baseline = invariants.baseline();
        List<Webhooks.Posted> posted;
        long restartMillis;
        try (SteadyLoad steady = new SteadyLoad(new Webhooks(stack)).start(perSecond)) {
            long started = System.nanoTime();
            Thread.sleep(before.toMillis());
            stack.kill(process);
            long killed = System.nanoTime();
            CompletableFuture<Long> restarted = CompletableFuture.supplyAsync(() -> {
                try {
                    stack.restart(process);
                    return (System.nanoTime() - killed) / 1_000_000;
                } catch (Exception e) {
                    throw new IllegalStateException("restart of " + process + " failed", e);
                }
            });
            Thread.sleep(Math.max(0, load.toMillis() - (System.nanoTime() - started) / 1_000_000));
            posted = steady.stop();
            restartMillis = restarted.join();
        }
        result.figure("killedAfterMs", before.toMillis()).figure("downUntilReadyMs", restartMillis);
        result.figures().putAll(Invariants.postFigures(posted));
        int acknowledged = (int) posted.stream().filter(Webhooks.Posted::acknowledged).count();
        long refusedOtherwise = posted.stream().filter(p -> !p.acknowledged() && p.status() < 500 && p.status() != -1).count();
        result.add(InvariantResult.of("refusals are 5xx or no answer (never a 4xx for a valid webhook)", refusedOtherwise == 0,
                Map.of("refusedOtherwise", refusedOtherwise), null));
        Invariants.Expectations expect = Expect.answers(stack, acknowledged, Duration.ofSeconds(60).plusMillis(restartMillis));
        result.addAll(invariants.verify(baseline, posted, expect));
    }
}
