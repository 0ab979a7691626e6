package com.crmfactory.messaging.devstack.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One rate of a load run: wait until what came before has been consumed, send for the step's seconds, wait until
 * every acknowledged message is answered (or the drain time is over), and measure latency, lag and what each process
 * cost.
 */
final class LoadStep {

    /**
     * Consumer lag (records, all groups) at or under which the stack has caught up. A step that starts above it
     * inherits a queue from the step before (or a cold warm-up): its messages wait behind it, and a queue that drains
     * during the step can even look like a rate the stack holds, so such a step is not judged.
     */
    static final long CAUGHT_UP_LAG = 10;

    private final OpenLoopSender sender;
    private final ReplyWatch replies;
    private final LagSampler lag;
    private final ProcessMeter meter;
    private final DatabaseMeter database;
    private final int drainSeconds;

    /** @param database PostgreSQL's counters, or null to leave them out */
    LoadStep(OpenLoopSender sender, ReplyWatch replies, LagSampler lag, ProcessMeter meter, DatabaseMeter database,
            int drainSeconds) {
        this.sender = sender;
        this.replies = replies;
        this.lag = lag;
        this.meter = meter;
        this.database = database;
        this.drainSeconds = drainSeconds;
    }

    StepResult run(int rate, int seconds) throws Exception {
        long lagAtStart = awaitCaughtUp();
        Map<String, ProcessMeter.Reading> before = meter.read();
        DatabaseMeter.Reading databaseBefore = database == null ? null : database.read();
        double machineBefore = ProcessMeter.machineBusySeconds();
        int extraBefore = replies.extraReplies();
        long startNanos = System.nanoTime();
        AtomicLong lagMax = new AtomicLong();
        AtomicReference<List<String>> lagMaxGroups = new AtomicReference<>(List.of());
        Thread lagWatch = new Thread(() -> sampleLag(lagMax, lagMaxGroups), "lag-watch");
        lagWatch.setDaemon(true);
        lagWatch.start();

        List<SentMessage> sent = sender.run(rate, seconds, replies::expect);
        long drainUntil = System.nanoTime() + drainSeconds * 1_000_000_000L;
        while (System.nanoTime() < drainUntil && !allSettled(sent)) {
            Thread.sleep(250);
        }
        Thread.sleep(500); // a last look at the simulator: a late duplicate would show now
        lagWatch.interrupt();
        lagWatch.join();
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, ProcessMeter.Reading> after = meter.read();
        double machineSeconds = ProcessMeter.machineBusySeconds() - machineBefore;
        DatabaseMeter.Costs databaseCosts = database == null ? DatabaseMeter.Costs.NONE
                : DatabaseMeter.costs(databaseBefore, database.read(), sent.size());
        long lagAfter = LagSampler.total(lag.lagByGroup());
        return result(rate, seconds, sent, replies.extraReplies() - extraBefore, lagAtStart, lagMax.get(), lagMaxGroups.get(),
                lagAfter, machineSeconds / wallSeconds, costs(before, after, wallSeconds, sent.size()), databaseCosts);
    }

    /** Waits up to the drain time for the consumers to catch up; returns the lag left. */
    private long awaitCaughtUp() throws Exception {
        long deadline = System.nanoTime() + drainSeconds * 1_000_000_000L;
        long left = LagSampler.total(lag.lagByGroup());
        while (left > CAUGHT_UP_LAG && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            left = LagSampler.total(lag.lagByGroup());
        }
        return left;
    }

    private static boolean allSettled(List<SentMessage> sent) {
        for (SentMessage m : sent) {
            if (m.status == 0 || (m.acknowledged() && !m.answered())) {
                return false;
            }
        }
        return true;
    }

    private void sampleLag(AtomicLong max, AtomicReference<List<String>> groupsAtMax) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Map<String, Long> now = lag.lagByGroup();
                long total = LagSampler.total(now);
                if (total > max.get()) {
                    max.set(total);
                    groupsAtMax.set(LagSampler.busiest(now));
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.err.println("load: reading consumer lag failed (" + e.getMessage() + ")");
            }
        }
    }

    private List<StepResult.ProcessCost> costs(Map<String, ProcessMeter.Reading> before,
            Map<String, ProcessMeter.Reading> after, double wallSeconds, int messages) {
        List<StepResult.ProcessCost> costs = new ArrayList<>();
        for (Map.Entry<String, ProcessMeter.Reading> e : after.entrySet()) {
            ProcessMeter.Reading start = before.get(e.getKey());
            ProcessMeter.Reading end = e.getValue();
            double cpu = end.cpuSeconds() - start.cpuSeconds();
            long allocated = end.allocatedBytes() < 0 || start.allocatedBytes() < 0 ? -1
                    : (end.allocatedBytes() - start.allocatedBytes()) / Math.max(1, messages);
            costs.add(new StepResult.ProcessCost(e.getKey(), cpu, cpu * 1000 / Math.max(1, messages), cpu / wallSeconds,
                    allocated, start.rssBytes(), end.rssBytes(), start.heapUsedBytes(), end.heapUsedBytes(),
                    hottestThreads(start.threadCpuSeconds(), end.threadCpuSeconds())));
        }
        return costs;
    }

    private static final int HOTTEST_THREADS = 4;

    private static List<StepResult.ThreadCost> hottestThreads(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream()
                .map(e -> new StepResult.ThreadCost(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(t -> t.cpuSeconds() > 0)
                .sorted(Comparator.comparingDouble(StepResult.ThreadCost::cpuSeconds).reversed())
                .limit(HOTTEST_THREADS).toList();
    }

    private static StepResult result(int rate, int seconds, List<SentMessage> sent, int extraReplies, long lagAtStart, long lagMax,
            List<String> lagMaxGroups, long lagAfter, double coresBusy, List<StepResult.ProcessCost> costs,
            DatabaseMeter.Costs databaseCosts) {
        List<Long> ack = new ArrayList<>();
        List<Long> reply = new ArrayList<>();
        Map<Integer, Integer> rejected = new TreeMap<>();
        int acknowledged = 0;
        int unanswered = 0;
        for (SentMessage m : sent) {
            if (m.ackMillis >= 0) {
                ack.add(m.ackMillis);
            }
            if (!m.acknowledged()) {
                rejected.merge(m.status, 1, Integer::sum);
                continue;
            }
            acknowledged++;
            if (m.answered()) {
                reply.add(m.replyLatencyMillis());
            } else {
                unanswered++;
            }
        }
        Stats replyStats = Stats.of(reply);
        long first = thirdMedian(sent, 0);
        long last = thirdMedian(sent, 2);
        String verdict = verdict(lagAtStart, unanswered, extraReplies, rejected, first, last);
        boolean sustained = verdict.equals(SUSTAINED);
        return new StepResult(rate, seconds, sent.size(), acknowledged, rejected, reply.size(), unanswered,
                extraReplies, Stats.of(ack), replyStats, first, last, lagAtStart, lagMax, lagMaxGroups, lagAfter, coresBusy, costs,
                databaseCosts, sustained, verdict);
    }

    static final String SUSTAINED = "sustained";

    /** {@value #SUSTAINED}, or why not: the first of the reasons that applies. */
    static String verdict(long lagAtStart, int unanswered, int extraReplies, Map<Integer, Integer> rejected,
            long replyP50FirstThird, long replyP50LastThird) {
        // the backlog grows when the last third waits clearly longer than the first
        boolean growing = replyP50LastThird > Math.max(replyP50FirstThird * 3 / 2, replyP50FirstThird + 100);
        return lagAtStart > CAUGHT_UP_LAG ? "not judged: began behind, " + lagAtStart
                + " records still queued from before (a longer --drain lets the stack catch up)"
                : unanswered > 0 ? unanswered + " acknowledged messages unanswered after the drain"
                : extraReplies > 0 ? extraReplies + " duplicate replies"
                : !rejected.isEmpty() ? "webhooks refused: " + rejected
                : growing ? "backlog growing (reply p50 " + replyP50FirstThird + " ms in the first third, "
                        + replyP50LastThird + " ms in the last)"
                : SUSTAINED;
    }

    private static long thirdMedian(List<SentMessage> sent, int third) {
        int size = sent.size() / 3;
        List<Long> latencies = new ArrayList<>();
        for (SentMessage m : sent.subList(third * size, Math.min(sent.size(), (third + 1) * size))) {
            if (m.answered()) {
                latencies.add(m.replyLatencyMillis());
            }
        }
        return Stats.of(latencies).p50();
    }
}
