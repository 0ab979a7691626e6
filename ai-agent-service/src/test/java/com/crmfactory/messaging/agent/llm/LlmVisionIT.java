package com.crmfactory.messaging.agent.llm;

import static com.crmfactory.messaging.events.testing.MessageViewBuilder.aMessageView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.crmfactory.messaging.agent.media.MediaHost;
import com.crmfactory.messaging.devstack.erp.DemoErp;
import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.agent.InsightsUpdated;
import com.crmfactory.messaging.events.agent.ReplyProposed;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.MessageView;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.MessageRecorded;
import com.crmfactory.messaging.events.conversation.SessionOpened;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Image understanding with a vision-capable model ({@code agent.llm.vision=true}) over the real service,
 * against {@link FakeOpenAi}: a customer MMS with a photo from an allowed media host is sent to the model
 * inline (a base64 {@code data:} URL of exactly the bytes fetched), the model's description joins the turn's
 * context (and the next turn's chat memory) and is attached to the message in
 * {@code InsightsUpdated.mediaAnalysis}. A failing vision call leaves the description out and the turn is
 * still answered; a vision call slower than the turn's hard stop is abandoned at it, inside the same deadline
 * as the rest of the turn. Without vision see {@code LlmDialogueIT.withoutVisionNoImageIsSentToTheModel}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@DirtiesContext
class LlmVisionIT {

    static final DemoErp ERP = start();
    static final FakeOpenAi MODEL = new FakeOpenAi();
    static final MediaHost MEDIA = new MediaHost();
    static final String DESCRIPTION = "A sealed deep-groove ball bearing on a workbench, labelled BRG-6205-ZZ.";
    /** The turn's hard stop ({@code agent.llm.timeout}); short, so the slow vision test is fast. */
    static final Duration HARD_STOP = Duration.ofSeconds(3);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("agent.erp.base-url", () -> "http://localhost:" + ERP.port() + "/api/v1");
        registry.add("agent.media.allowed-hosts", MEDIA::hostPort);
        registry.add("agent.media.insecure-http-hosts", () -> "localhost");
        registry.add("agent.llm.provider", () -> "openai");
        registry.add("agent.llm.base-url", MODEL::baseUrl);
        registry.add("agent.llm.api-key", () -> "sk-test");
        registry.add("agent.llm.model", () -> "fake-gpt");
        registry.add("agent.llm.vision", () -> "true");
        registry.add("agent.llm.timeout", () -> HARD_STOP.toMillis() + "ms");
    }

    @Autowired
    CircuitBreakerRegistry breakers;

    @AfterAll
    static void stop() {
        ERP.close();
        MODEL.close();
        MEDIA.close();
    }

    @BeforeEach
    void closedBreaker() {
        breakers.circuitBreaker("llm").reset();
    }

    /** A customer's SMS conversation; a message with media arrives as an MMS. */
    final class Session {
        final String org = "org-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        final String id = UUID.randomUUID().toString();
        final String phone;
        final String key;
        final AtomicLong sequence = new AtomicLong();
        int seen;

        Session(String phone) {
            this.phone = phone;
            this.key = ConversationKey.of(org, Channel.SMS, phone).value();
            Kafka.send(Topics.CONVERSATION_EVENTS, key, new SessionOpened(org, id, "contact-1", Channel.SMS, phone,
                    "+14155238886", SessionStatus.ACTIVE, "Dana", null, Instant.now()));
        }

        /** @return the message id */
        String send(String body, List<Media> media) {
            String messageId = UUID.randomUUID().toString();
            // an SMS with a photo arrives as MMS: the builder derives the trigger channel and SID from the media
            MessageView m = aMessageView().messageId(messageId).sequence(sequence.incrementAndGet()).from(phone)
                    .to("+14155238886").body(body).media(media).build();
            Kafka.send(Topics.CONVERSATION_EVENTS, key, new MessageRecorded(org, id, "contact-1", m, Instant.now()));
            return messageId;
        }

        ReplyProposed reply() {
            await().atMost(Duration.ofSeconds(30)).until(() -> replies().size() > seen);
            return replies().get(seen++);
        }

        List<ReplyProposed> replies() {
            return Kafka.watch(Topics.AGENT_ACTIONS).events(ReplyProposed.class, r -> r.sessionId().equals(id));
        }

        InsightsUpdated insightsWithMedia() {
            return Kafka.watch(Topics.AGENT_ACTIONS).awaitOne(InsightsUpdated.class,
                    i -> i.sessionId().equals(id) && !i.mediaAnalysis().isEmpty());
        }
    }

    /** The model's requests since {@code from} that carry an image. */
    static List<FakeOpenAi.Request> imageRequests(int from) {
        List<FakeOpenAi.Request> all = MODEL.requests();
        return all.subList(from, all.size()).stream().filter(r -> !r.imageUrls().isEmpty()).toList();
    }

    @Test
    void aPhotoIsDescribedByTheModelAndTheDescriptionJoinsTheContextAndTheMessage() {
        // the vision request gets a sentence; a turn answers from what its context says about the photo
        MODEL.script(r -> !r.imageUrls().isEmpty() ? new FakeOpenAi.Text(DESCRIPTION)
                : r.userTexts().stream().anyMatch(t -> t.contains(DESCRIPTION))
                        ? new FakeOpenAi.Answer(r.lastUserText().contains("how much") ? "The bearing in your photo costs …"
                                : "I can see the bearing in your photo.", "ask_price", 0.9, false)
                        : new FakeOpenAi.Answer("I cannot see any photo.", "other", 0.9, false));
        int from = MODEL.requests().size();
        Session s = new Session("+15557771001");
        String url = MEDIA.url("bearing.png");
        String messageId = s.send("what is this part?", List.of(new Media(url, "image/png")));

        assertThat(s.reply().text()).isEqualTo("I can see the bearing in your photo.");
        // the image went to the model once, inline, exactly as fetched from the allowed media host
        assertThat(MEDIA.fetched()).contains("/media/bearing.png");
        List<FakeOpenAi.Request> vision = imageRequests(from);
        assertThat(vision).singleElement().satisfies(r -> {
            assertThat(r.imageUrls()).containsExactly("data:image/png;base64," + Base64.getEncoder().encodeToString(MEDIA.png()));
            assertThat(r.lastUserText()).contains("Describe this customer photo");
            assertThat(r.toolNames()).isEmpty();
        });
        // the turn itself: the description (and the barcode) in the customer's message to the model, no image
        FakeOpenAi.Request turn = MODEL.requestsAbout("what is this part?").get(0);
        assertThat(turn.lastUserText()).contains("image: " + DESCRIPTION).contains(MediaHost.CODE);
        assertThat(turn.imageUrls()).isEmpty();
        assertThat(turn.toolNames()).contains("findOrder", "price");
        assertThat(MODEL.requests().indexOf(vision.get(0))).isLessThan(MODEL.requests().indexOf(turn));
        // attached to the message for people
        assertThat(s.insightsWithMedia().mediaAnalysis()).singleElement().satisfies(a -> {
            assertThat(a.messageId()).isEqualTo(messageId);
            assertThat(a.mediaUrl()).isEqualTo(url);
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.decodedCodes()).containsExactly(MediaHost.CODE);
            assertThat(a.description()).isEqualTo(DESCRIPTION);
        });

        // the next turn still knows what the photo showed (chat memory), without describing it again
        s.send("and how much is it?", List.of());
        assertThat(s.reply().text()).isEqualTo("The bearing in your photo costs …");
        FakeOpenAi.Request next = MODEL.requestsAbout("how much is it?").get(0);
        assertThat(next.userTexts()).anySatisfy(t -> assertThat(t).contains("what is this part?").contains(DESCRIPTION));
        assertThat(imageRequests(from)).hasSize(1);
    }

    @Test
    void aFailingVisionCallLeavesTheDescriptionOutAndTheTurnIsStillAnswered() {
        MODEL.script(r -> !r.imageUrls().isEmpty() ? new FakeOpenAi.Fail(500)
                : new FakeOpenAi.Answer(r.lastUserText().contains("image:") ? "described" : "not described", "other", 0.9,
                        false));
        int from = MODEL.requests().size();
        Session s = new Session("+15557771002");
        s.send("photo attached", List.of(new Media(MEDIA.url("failing.png"), "image/png")));

        assertThat(s.reply().text()).isEqualTo("not described");
        assertThat(imageRequests(from)).hasSize(1);
        assertThat(s.insightsWithMedia().mediaAnalysis()).singleElement().satisfies(a -> {
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.decodedCodes()).containsExactly(MediaHost.CODE);
            assertThat(a.description()).isNull();
        });
        // the provider's failure counts in its circuit breaker like a failed turn
        assertThat(breakers.circuitBreaker("llm").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void aVisionCallSlowerThanTheHardStopIsAbandonedAtTheTurnsDeadline() {
        // the image would be described only long after the hard stop, and the turn's own request is slow too:
        // were the vision call outside the turn's deadline, the turn would last about twice the hard stop
        MODEL.script(r -> !r.imageUrls().isEmpty() ? new FakeOpenAi.Slow(HARD_STOP.toMillis() * 3, new FakeOpenAi.Text(DESCRIPTION))
                : r.lastUserText().contains("hello") ? new FakeOpenAi.Answer("Hello!", "greeting", 0.9, false)
                        : new FakeOpenAi.Slow(HARD_STOP.toMillis() * 2, new FakeOpenAi.Answer("too late", "other", 0.9, false)));
        int from = MODEL.requests().size();
        Session s = new Session("+15557771003");
        // a quick first turn: the consumer is assigned and delivering, so what is timed below is the turn
        s.send("hello", List.of());
        assertThat(s.reply().text()).isEqualTo("Hello!");
        long t0 = System.nanoTime();
        s.send("what is this part?", List.of(new Media(MEDIA.url("slow.png"), "image/png")));

        ReplyProposed reply = s.reply();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(imageRequests(from)).hasSize(1);
        // answered within the turn's deadline (plus delivery), by the offline agent from the barcode alone
        assertThat(millis).isLessThan(HARD_STOP.toMillis() + 1500);
        assertThat(reply.text()).contains(MediaHost.CODE).doesNotContain("too late");
        // no time was left for the model's turn: it was never asked
        assertThat(MODEL.requestsAbout("what is this part?")).isEmpty();
        assertThat(s.insightsWithMedia().mediaAnalysis()).singleElement().satisfies(a -> {
            assertThat(a.decodedCodes()).containsExactly(MediaHost.CODE);
            assertThat(a.description()).isNull();
        });
        // the abandoned vision call counts in the provider's circuit breaker
        assertThat(breakers.circuitBreaker("llm").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    private static DemoErp start() {
        try {
            return new DemoErp(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
