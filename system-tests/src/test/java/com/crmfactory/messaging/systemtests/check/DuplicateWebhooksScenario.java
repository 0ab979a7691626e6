package com.crmfactory.messaging.systemtests.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Twilio retries: 10 concurrent copies of each of N signed webhooks → one stored message, one answer each. */
public final class DuplicateWebhooksScenario implements Scenario {

    private static final int COPIES = 10;
    private final int messages;

    public DuplicateWebhooksScenario(int messages) {
        this.messages = messages;
    }

    @Override
    public String name() {
        return "duplicate webhooks";
    }

    @Override
    public String description() {
        return COPIES + " concurrent copies of each of " + messages + " signed webhooks (same MessageSid and signature): "
                + "each stored once and answered once.";
    }

    @Override
    public void run(Stack stack, ScenarioResult result) throws Exception {
        Invariants invariants = new Invariants(stack);
        Invariants.Baseline baseline = invariants.baseline();
        Webhooks webhooks = new Webhooks(stack);
        List<Webhooks.Posted> posted = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(COPIES);
        try {
            for (int i = 0; i < messages; i++) {
                Map<String, String> sms = webhooks.sms(Webhooks.customer(), "Is order " + (4700 + i) + " on its way?");
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<Webhooks.Posted>> copies = new ArrayList<>();
                for (int c = 0; c < COPIES; c++) {
                    copies.add(CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(go);
                        return webhooks.post(Webhooks.SMS_PATH, sms);
                    }, pool));
                }
                go.countDown();
                copies.forEach(copy -> posted.add(copy.join()));
            }
        } finally {
            pool.shutdownNow();
        }
        result.figures().putAll(Invariants.postFigures(posted));
        long unacknowledged = posted.stream().map(Webhooks.Posted::messageSid).distinct()
                .filter(sid -> posted.stream().noneMatch(p -> p.messageSid().equals(sid) && p.acknowledged())).count();
        result.add(InvariantResult.of("every webhook acknowledged at least once", unacknowledged == 0,
                Map.of("messages", messages, "neverAcknowledged", unacknowledged), null));
        result.addAll(invariants.verify(baseline, posted, Expect.answers(stack, messages, Duration.ofSeconds(45))));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
