package com.crmfactory.messaging.agent.dialogue.suite;

import static com.crmfactory.messaging.events.testing.MessageViewBuilder.aMessageView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.crmfactory.messaging.agent.media.MediaHost;
import com.crmfactory.messaging.devstack.erp.DemoErp;
import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.agent.EscalationRequested;
import com.crmfactory.messaging.events.agent.InsightsUpdated;
import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.InteractiveReply;
import com.crmfactory.messaging.events.common.InteractiveReplyType;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.MessageRecorded;
import com.crmfactory.messaging.events.conversation.SessionOpened;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

/**
 * The dialogue suite: every scripted conversation of {@code src/test/resources/dialogues/} against the real service
 * (real broker, real PostgreSQL, the demo ERP over HTTP, the image host): customer messages in as
 * conversation-service records them, the agent's replies, escalations and insights (intent, draft) out of
 * agent.actions.v1, each turn checked against its script. Prints the pass rate and the agent turn latency (message
 * event sent → the turn's InsightsUpdated consumed; debounce, ERP calls, commit and outbox relay included).
 * Run alone: {@code ./mvnw -B -o verify -pl ai-agent-service -Dit.test=DialogueSuiteIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@DirtiesContext // one context at a time: they share the consumer group
class DialogueSuiteIT {

    static final String[] SCRIPTS = {"dialogues/issue-table.txt", "dialogues/catalogue.txt", "dialogues/ordering.txt",
            "dialogues/service.txt"};
    /** Conversations run side by side as customers write at the same time (-Ddialogues.parallel=N; 3 by default). */
    static final int PARALLEL = Integer.getInteger("dialogues.parallel", 3);

    static final DemoErp ERP = start();
    static final MediaHost MEDIA = new MediaHost();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("agent.erp.base-url", () -> "http://localhost:" + ERP.port() + "/api/v1");
        registry.add("agent.media.allowed-hosts", MEDIA::hostPort);
        registry.add("agent.media.insecure-http-hosts", () -> "localhost");
    }

    @AfterAll
    static void stop() {
        ERP.close();
        MEDIA.close();
    }

    private final List<Long> turnMillis = Collections.synchronizedList(new ArrayList<>());

    @Test
    void everyScriptedConversationBehaves() throws Exception {
        List<Script> scripts = Script.load(SCRIPTS);
        Kafka.Watcher actions = Kafka.watch(Topics.AGENT_ACTIONS);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        // warm-up, not counted: every sixth script (each file's paths: search, lists, ordering, photos) so that the
        // turns measured are a running service's, not the JIT compiler's or a connection pool's first; not the scripts
        // of a known customer, whose ERP orders the measured run reads
        List<Future<List<String>>> warmUp = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i += 6) {
            Script script = scripts.get(i);
            if (script.phone() != null) {
                continue;
            }
            int n = 9000 + i;
            warmUp.add(pool.submit(() -> run(script, n, actions)));
        }
        for (Future<List<String>> run : warmUp) {
            run.get();
        }
        turnMillis.clear();
        List<Future<List<String>>> runs = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            Script script = scripts.get(i);
            int n = i;
            runs.add(pool.submit(() -> run(script, n, actions)));
        }
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (Future<List<String>> run : runs) {
            List<String> f = run.get();
            passed += f.isEmpty() ? 1 : 0;
            failures.addAll(f);
        }
        pool.shutdown();
        List<Long> millis = new ArrayList<>(turnMillis);
        millis.sort(Long::compare);
        System.out.printf("dialogue suite: %d/%d conversations passed (%.1f %%), %d turns; agent turn p50 %d ms, p95 %d ms, "
                + "p99 %d ms, max %d ms (%d conversations in parallel)%n", passed, scripts.size(), 100.0 * passed / scripts.size(),
                millis.size(), percentile(millis, 50), percentile(millis, 95), percentile(millis, 99),
                millis.get(millis.size() - 1), PARALLEL);
        failures.forEach(f -> System.out.println("  FAIL " + f));
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(60);
        assertThat(failures).isEmpty();
    }

    private List<String> run(Script script, int n, Kafka.Watcher actions) {
        String org = "org-suite-" + UUID.randomUUID();
        String session = UUID.randomUUID().toString();
        Channel channel = script.channel().equals("sms") ? Channel.SMS : Channel.WHATSAPP;
        String phone = script.phone() != null ? script.phone() : "+1555880" + String.format("%04d", n);
        String customer = (channel == Channel.WHATSAPP ? "whatsapp:" : "") + phone;
        String business = channel == Channel.WHATSAPP ? "whatsapp:+14155238886" : "+14155238886";
        String key = ConversationKey.of(org, channel, customer).value();
        Kafka.send(Topics.CONVERSATION_EVENTS, key, new SessionOpened(org, session, "contact-" + n, channel, customer, business,
                SessionStatus.ACTIVE, "Dana", null, Instant.now()));
        List<String> failures = new ArrayList<>();
        int seenReplies = 0;
        int seenInsights = 0;
        int seenEscalations = 0;
        long sequence = 0;
        for (Script.Turn turn : script.turns()) {
            sequence++;
            InteractiveReply tap = turn.tapId() == null ? null : new InteractiveReply(turn.tapId().contains("=")
                    || turn.tapId().startsWith("BRG") ? InteractiveReplyType.LIST : InteractiveReplyType.BUTTON, turn.tapId(),
                    turn.text().isBlank() ? turn.tapId() : turn.text());
            List<Media> media = turn.photo() == null ? List.of() : List.of(new Media(MEDIA.url(turn.photo()), "image/png"));
            String body = tap != null ? null : turn.text();
            long t0 = System.nanoTime();
            Kafka.send(Topics.CONVERSATION_EVENTS, key, new MessageRecorded(org, session, "contact-" + n, aMessageView()
                    .sequence(sequence).channel(channel).from(customer).to(business).body(body).media(media)
                    .interactiveReply(tap).build(), Instant.now()));
            int before = seenInsights;
            await().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(30))
                    .until(() -> actions.events(InsightsUpdated.class, i -> i.sessionId().equals(session)).size() > before);
            List<InsightsUpdated> insights = actions.events(InsightsUpdated.class, i -> i.sessionId().equals(session));
            InsightsUpdated last = insights.get(insights.size() - 1);
            turnMillis.add((actions.arrivalNanos(last) - t0) / 1_000_000);
            seenInsights = insights.size();
            List<ReplyProposed> replies = actions.events(ReplyProposed.class, r -> r.sessionId().equals(session));
            List<ReplyProposed> turnReplies = replies.subList(seenReplies, replies.size());
            seenReplies = replies.size();
            List<EscalationRequested> escalations = actions.events(EscalationRequested.class, e -> e.sessionId().equals(session));
            int escalatedBefore = seenEscalations;
            seenEscalations = escalations.size();
            Map<String, Long> draft = new TreeMap<>();
            if (last.orderDraft() != null) {
                last.orderDraft().lines().forEach(l -> draft.put(l.sku(), l.quantity()));
            }
            Outcome outcome = new Outcome(turnReplies.stream().map(DialogueSuiteIT::reply).toList(),
                    escalations.size() > escalatedBefore ? escalations.get(escalations.size() - 1).reason() : null,
                    last.intent(), draft, last.orderDraft() == null ? null : last.orderDraft().erpOrderNumber());
            for (String f : outcome.check(turn.expectations())) {
                failures.add(script.name() + " / turn " + sequence + " \"" + turn.text() + "\": " + f);
            }
            if (outcome.escalation() != null) {
                break; // a person has the session now: the agent says nothing more
            }
        }
        return failures;
    }

    private static Outcome.Reply reply(ReplyProposed r) {
        var i = r.interactive();
        return new Outcome.Reply(r.text(), i == null ? null : i.kind().name(), i == null ? null : i.body(),
                i == null ? List.of() : i.options().stream().map(o -> o.id() + " | " + o.title() + " | "
                        + (o.description() == null ? "" : o.description())).toList(),
                r.template() == null ? null : r.template().key(), r.template() == null ? null : r.template().variables());
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.get((int) Math.ceil(p / 100.0 * sorted.size()) - 1);
    }

    private static DemoErp start() {
        try {
            return new DemoErp(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
