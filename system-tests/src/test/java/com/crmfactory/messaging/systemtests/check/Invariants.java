package com.crmfactory.messaging.systemtests.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.crmfactory.messaging.events.common.DeliveryStatus;

/**
 * The invariants every scenario is judged on, checked against the real stack (conversation-service's
 * database, the broker, the Twilio simulator's POST log) for the webhooks the scenario got acknowledged:
 * each is stored exactly once and answered once (an AI reply or an escalation) within a bound, the
 * simulated Twilio got at most one create per outbound request, delivery statuses never moved back and
 * every send reached a final one, no record went to a dead-letter topic, and every active consumer group's lag went back to 0.
 */
public final class Invariants {

    private static final Set<String> FINAL_STATUSES = Set.of("delivered", "read", "failed", "undelivered");

    private final Stack stack;
    private final ConversationDatabase database;
    private final Simulator simulator;

    public Invariants(Stack stack) {
        this.stack = stack;
        this.database = new ConversationDatabase(stack);
        this.simulator = new Simulator(stack.simulatorUrl());
    }

    /** What a scenario expects: how fast customers must be answered, how long to wait for the stack to settle. */
    public record Expectations(Duration answerBound, Duration settle, boolean poisonInjected) {
        public static Expectations standard() {
            return new Expectations(Duration.ofSeconds(60), Duration.ofSeconds(120), false);
        }

        public Expectations answerBound(Duration bound) {
            return new Expectations(bound, settle, poisonInjected);
        }
    }

    /** What the broker held before the scenario (dead letters are counted from here). */
    public record Baseline(Map<String, Long> deadLetters) {
    }

    public Baseline baseline() throws Exception {
        try (KafkaProbe kafka = new KafkaProbe(stack.kafkaBootstrapServers())) {
            return new Baseline(kafka.deadLetterCounts());
        }
    }

    /** Ack figures of the posts: counts per HTTP status and the ack latency p50/p99 of the acknowledged ones. */
    public static Map<String, Object> postFigures(List<Webhooks.Posted> posted) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("webhooksPosted", posted.size());
        figures.put("webhooksByStatus", posted.stream().collect(Collectors.groupingBy(p -> String.valueOf(p.status()),
                TreeMap::new, Collectors.counting())));
        figures.putAll(Percentiles.of("ack", posted.stream().filter(Webhooks.Posted::acknowledged).map(Webhooks.Posted::millis).toList()));
        return figures;
    }

    /** Waits (up to the settle time) for the acknowledged webhooks to be stored and answered, then judges every invariant. */
    public List<InvariantResult> verify(Baseline baseline, List<Webhooks.Posted> posted, Expectations expect) throws Exception {
        Map<String, Long> firstAck = new HashMap<>();
        for (Webhooks.Posted p : posted) {
            if (p.acknowledged()) {
                firstAck.merge(p.messageSid(), p.sentAtMillis(), Math::min);
            }
        }
        long deadline = System.nanoTime() + expect.settle().toNanos();
        List<ConversationDatabase.Stored> stored = List.of();
        Map<String, ConversationDatabase.Session> sessions = Map.of();
        while (true) {
            stored = firstAck.isEmpty() ? List.of() : database.customerMessages(firstAck.keySet());
            Set<String> sessionIds = stored.stream().map(ConversationDatabase.Stored::sessionId).collect(Collectors.toSet());
            sessions = sessionIds.isEmpty() ? Map.of() : database.sessions(sessionIds);
            boolean allStored = stored.stream().map(ConversationDatabase.Stored::providerMessageId).distinct().count() == firstAck.size();
            boolean allAnswered = sessions.values().stream().allMatch(s -> s.aiMessages() > 0 || s.escalated());
            // and every answer's send finished: Twilio's last status callback reached the conversation
            boolean allSettled = sessions.values().stream().flatMap(s -> s.outgoing().stream()).allMatch(Invariants::settled);
            if ((allStored && allAnswered && allSettled) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(1_000);
        }
        // the last answers' sends and callbacks
        Thread.sleep(3_000);
        if (!sessions.isEmpty()) {
            sessions = database.sessions(sessions.keySet());
        }
        List<InvariantResult> results = new ArrayList<>();
        results.add(storedOnce(firstAck.keySet(), stored));
        results.add(answeredOnce(sessions));
        List<Simulator.Sent> sent = simulator.messages();
        results.add(oneSendPerRequest(sessions, sent));
        try (KafkaProbe kafka = new KafkaProbe(stack.kafkaBootstrapServers())) {
            results.add(statusesNeverRegress(sessions, kafka));
            results.add(everySendSettled(sessions));
            results.add(noDeadLetters(baseline, kafka, expect.poisonInjected()));
            results.add(lagDrained(kafka, Math.max(30_000, (deadline - System.nanoTime()) / 1_000_000)));
        }
        results.add(answeredWithin(expect.answerBound(), stored, sessions, firstAck, sent));
        return results;
    }

    private static boolean settled(ConversationDatabase.Outgoing out) {
        return out.requestId() == null || FINAL_STATUSES.contains(String.valueOf(out.deliveryStatus()).toLowerCase(java.util.Locale.ROOT));
    }

    private static InvariantResult storedOnce(Set<String> acknowledged, List<ConversationDatabase.Stored> stored) {
        Map<String, Long> rows = stored.stream().collect(Collectors.groupingBy(ConversationDatabase.Stored::providerMessageId,
                Collectors.counting()));
        long missing = acknowledged.stream().filter(sid -> !rows.containsKey(sid)).count();
        long duplicated = rows.values().stream().filter(n -> n > 1).count();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("acknowledgedMessages", acknowledged.size());
        figures.put("storedRows", stored.size());
        figures.put("missing", missing);
        figures.put("storedTwice", duplicated);
        return InvariantResult.of("each acknowledged webhook stored exactly once", missing == 0 && duplicated == 0, figures,
                missing + duplicated == 0 ? null : "missing " + missing + ", stored more than once " + duplicated);
    }

    /** Answered: an AI message or an escalation; answered twice: the same AI text twice in a session (a repeated turn). */
    private static InvariantResult answeredOnce(Map<String, ConversationDatabase.Session> sessions) {
        long byReply = 0;
        long escalatedOnly = 0;
        long unanswered = 0;
        long twice = 0;
        long aiMessages = 0;
        for (ConversationDatabase.Session s : sessions.values()) {
            aiMessages += s.aiMessages();
            List<String> bodies = s.outgoing().stream().filter(o -> "AI".equals(o.author())).map(o -> String.valueOf(o.body())).toList();
            if (new HashSet<>(bodies).size() < bodies.size()) {
                twice++;
            }
            if (s.aiMessages() > 0) {
                byReply++;
            } else if (s.escalated()) {
                escalatedOnly++;
            } else {
                unanswered++;
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sessions", sessions.size());
        figures.put("answeredByAiReply", byReply);
        figures.put("escalatedWithoutReply", escalatedOnly);
        figures.put("unanswered", unanswered);
        figures.put("answeredTwice", twice);
        figures.put("aiMessages", aiMessages);
        return InvariantResult.of("each one answered once (AI reply or escalation)", unanswered == 0 && twice == 0, figures,
                unanswered + twice == 0 ? null : unanswered + " unanswered, " + twice + " answered twice");
    }

    private static InvariantResult oneSendPerRequest(Map<String, ConversationDatabase.Session> sessions, List<Simulator.Sent> sent) {
        Map<String, Long> sendsTo = sent.stream().collect(Collectors.groupingBy(Simulator.Sent::to, Collectors.counting()));
        long requests = 0;
        long sends = 0;
        long excess = 0;
        for (ConversationDatabase.Session s : sessions.values()) {
            long sessionRequests = s.outgoing().stream().map(ConversationDatabase.Outgoing::requestId)
                    .filter(r -> r != null).distinct().count();
            long toCustomer = sendsTo.getOrDefault(s.customerAddress(), 0L);
            requests += sessionRequests;
            sends += toCustomer;
            excess += Math.max(0, toCustomer - sessionRequests);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("outboundRequests", requests);
        figures.put("twilioCreates", sends);
        figures.put("excessCreates", excess);
        return InvariantResult.of("at most one Twilio send per outbound request", excess == 0, figures,
                excess == 0 ? null : excess + " messages created in Twilio beyond one per request");
    }

    private static InvariantResult statusesNeverRegress(Map<String, ConversationDatabase.Session> sessions, KafkaProbe kafka) {
        Set<String> requestIds = sessions.values().stream().flatMap(s -> s.outgoing().stream())
                .map(ConversationDatabase.Outgoing::requestId).filter(r -> r != null).collect(Collectors.toSet());
        Map<String, List<String>> sequences = kafka.deliveryStatusesByRequest(requestIds);
        long updates = 0;
        List<String> regressions = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : sequences.entrySet()) {
            List<String> statuses = entry.getValue();
            updates += statuses.size();
            for (int i = 1; i < statuses.size(); i++) {
                DeliveryStatus from = DeliveryStatus.fromProvider(statuses.get(i - 1));
                DeliveryStatus to = DeliveryStatus.fromProvider(statuses.get(i));
                if (!from.canMoveTo(to)) {
                    regressions.add(entry.getKey() + ": " + String.join(" → ", statuses));
                    break;
                }
            }
        }
        Map<String, Long> finals = sessions.values().stream().flatMap(s -> s.outgoing().stream())
                .collect(Collectors.groupingBy(o -> String.valueOf(o.deliveryStatus()).toLowerCase(java.util.Locale.ROOT), TreeMap::new, Collectors.counting()));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requestsWithUpdates", sequences.size());
        figures.put("deliveryUpdates", updates);
        figures.put("regressions", regressions.size());
        figures.put("finalStatuses", finals);
        return InvariantResult.of("delivery statuses never regress", regressions.isEmpty(), figures,
                regressions.isEmpty() ? null : String.join("; ", regressions.subList(0, Math.min(5, regressions.size()))));
    }

    /**
     * Every answer's send reached a final delivery status: callbacks Twilio posted while ingest or the broker was down
     * are lost (Twilio does not retry them), so this holds only because outbound fetches the status of quiet sends.
     */
    private static InvariantResult everySendSettled(Map<String, ConversationDatabase.Session> sessions) {
        List<ConversationDatabase.Outgoing> outgoing = sessions.values().stream().flatMap(s -> s.outgoing().stream()).toList();
        List<String> unsettled = outgoing.stream().filter(o -> !settled(o))
                .map(o -> o.requestId() + " " + o.deliveryStatus()).toList();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sends", outgoing.size());
        figures.put("sendsNotSettled", unsettled.size());
        return InvariantResult.of("every answer's send reaches a final delivery status", unsettled.isEmpty(), figures,
                unsettled.isEmpty() ? null : String.join("; ", unsettled.subList(0, Math.min(5, unsettled.size()))));
    }

    private static InvariantResult noDeadLetters(Baseline baseline, KafkaProbe kafka, boolean poisonInjected) throws Exception {
        Map<String, Long> now = kafka.deadLetterCounts();
        Map<String, Long> added = new TreeMap<>();
        now.forEach((topic, count) -> {
            long delta = count - baseline.deadLetters().getOrDefault(topic, 0L);
            if (delta > 0) {
                added.put(topic, delta);
            }
        });
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("deadLetterTopics", now.size());
        figures.put("recordsAdded", added.values().stream().mapToLong(Long::longValue).sum());
        figures.put("byTopic", added);
        return InvariantResult.of("no record dead-lettered" + (poisonInjected ? " (poison injected: allowed)" : ""),
                poisonInjected || added.isEmpty(), figures, added.isEmpty() ? null : "dead-lettered: " + added);
    }

    private static InvariantResult lagDrained(KafkaProbe kafka, long waitMillis) throws Exception {
        long start = System.nanoTime();
        long deadline = start + waitMillis * 1_000_000;
        long maxSeen = 0;
        Map<String, Long> lag;
        while (true) {
            lag = kafka.lagOfActiveGroups();
            long total = lag.values().stream().mapToLong(Long::longValue).sum();
            maxSeen = Math.max(maxSeen, total);
            if (total == 0 || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(1_000);
        }
        long total = lag.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("activeGroups", lag.size());
        figures.put("finalLag", total);
        figures.put("maxLagSeenWhileDraining", maxSeen);
        figures.put("drainMs", (System.nanoTime() - start) / 1_000_000);
        Map<String, Long> lagging = new TreeMap<>(lag);
        lagging.values().removeIf(v -> v == 0);
        figures.put("laggingGroups", lagging);
        return InvariantResult.of("consumer lag of every active group back to 0", total == 0, figures,
                total == 0 ? null : "still lagging: " + lagging);
    }

    /**
     * From the webhook's first acknowledged POST to the answer: the simulated phone's first message to the
     * customer, else the AI message stored (a send still pending), else the escalation.
     */
    private static InvariantResult answeredWithin(Duration bound, List<ConversationDatabase.Stored> stored,
            Map<String, ConversationDatabase.Session> sessions, Map<String, Long> firstAck, List<Simulator.Sent> sent) {
        Map<String, Long> firstOnPhone = new HashMap<>();
        for (Simulator.Sent s : sent) {
            firstOnPhone.merge(s.to(), s.createdAtMillis(), Math::min);
        }
        List<Long> latencies = new ArrayList<>();
        long late = 0;
        long unanswered = 0;
        for (ConversationDatabase.Stored message : stored) {
            ConversationDatabase.Session s = sessions.get(message.sessionId());
            long asked = firstAck.get(message.providerMessageId());
            Long answered = null;
            if (s != null) {
                Long phone = firstOnPhone.get(s.customerAddress());
                if (phone != null && phone >= asked - 1_000) {
                    answered = phone;
                } else {
                    answered = s.outgoing().stream().filter(o -> "AI".equals(o.author()))
                            .map(ConversationDatabase.Outgoing::createdAtMillis).min(Long::compare).orElse(s.escalatedAtMillis());
                }
            }
            if (answered == null) {
                unanswered++;
                continue;
            }
            long latency = Math.max(0, answered - asked);
            latencies.add(latency);
            if (latency > bound.toMillis()) {
                late++;
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("boundMs", bound.toMillis());
        figures.putAll(Percentiles.of("answer", latencies));
        figures.put("late", late);
        figures.put("unanswered", unanswered);
        return InvariantResult.of("every customer answered within " + bound.toSeconds() + " s", late == 0 && unanswered == 0,
                figures, late + unanswered == 0 ? null : late + " late, " + unanswered + " unanswered");
    }
}
