package com.crmfactory.messaging.outbound;

import static com.crmfactory.messaging.events.testing.MessageReceivedBuilder.aMessageReceived;
import static com.crmfactory.messaging.events.testing.OutboundMessageRequestedBuilder.anOutboundMessageRequested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.common.Interactive;
import com.crmfactory.messaging.events.common.InteractiveKind;
import com.crmfactory.messaging.events.common.InteractiveOption;
import com.crmfactory.messaging.events.common.Origin;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.common.TemplateRef;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.outbound.OutboundDeliveryUpdated;
import com.crmfactory.messaging.events.outbound.OutboundMessageAccepted;
import com.crmfactory.messaging.events.outbound.OutboundMessageFailed;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.outbound.support.FakeTwilio;
import com.crmfactory.messaging.outbound.support.FakeTwilio.Answer;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.testsupport.RealInfrastructure;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The proofs against a real broker and PostgreSQL, with an HTTP fake of Twilio reached through
 * the SDK's redirected HTTP client (the same path the devstack's simulator takes) and GreenMail for SMTP.
 */
@SpringBootTest
@RealInfrastructure
class OutboundProofIT {

    static final FakeTwilio TWILIO = FakeTwilio.started();
    static final String ORG = "org-proof";
    static final String SMS_FROM = "+15005550006";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) {
        registry.add("platform.twilio.api-base-url", TWILIO::origin);
        registry.add("platform.twilio.account-sid", () -> "AC00000000000000000000000000000001");
        registry.add("platform.twilio.auth-token", () -> "0123456789abcdef0123456789abcdef");
        registry.add("platform.twilio.sms-number", () -> SMS_FROM);
        registry.add("platform.twilio.whatsapp-number", () -> "+14155238886");
        registry.add("platform.outbound.backoff", () -> "50ms");
        registry.add("platform.outbound.reconcile-interval", () -> "300ms");
        registry.add("platform.outbound.reconcile-delay", () -> "200ms");
        registry.add("platform.outbound.rate-limits.enabled", () -> "false");
        registry.add("platform.outbound.recheck-grace", () -> "3s");
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
    }

    @AfterAll
    static void stop() {
        TWILIO.close();
    }

    @Test
    void a429ThenSuccessGivesExactlyOneAcceptedSendAfterRetryAfter() {
        String to = FakeTwilio.randomPhone();
        TWILIO.script(to, Answer.TOO_MANY_REQUESTS, Answer.OK);
        String id = request(OutboundChannel.SMS, to, "hello after a 429");

        OutboundMessageAccepted accepted = results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(id));
        assertThat(TWILIO.postsTo(to)).hasSize(2);
        assertThat(TWILIO.storedTo(to)).hasSize(1);
        assertThat(accepted.providerMessageId()).isEqualTo(TWILIO.storedTo(to).get(0).sid());
        long gap = TWILIO.postsTo(to).get(1).receivedAtNanos() - TWILIO.postsTo(to).get(0).receivedAtNanos();
        assertThat(Duration.ofNanos(gap)).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(results().events(OutboundMessageAccepted.class, a -> a.requestId().equals(id))).hasSize(1);
    }

    @Test
    void a503IsNeverResentBlindlyAndIsReconciledFromTwilioList() {
        String to = FakeTwilio.randomPhone();
        TWILIO.script(to, Answer.STORE_THEN_503);
        String id = request(OutboundChannel.SMS, to, "answer lost in a 503");

        OutboundMessageAccepted accepted = results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(id));
        assertThat(TWILIO.postsTo(to)).as("exactly one POST").hasSize(1);
        assertThat(accepted.providerMessageId()).isEqualTo(TWILIO.storedTo(to).get(0).sid());
        assertThat(state(id)).isEqualTo("accepted");
    }

    @Test
    void aTemplated503IsReconciledToItsOwnSidAlthoughAnUnrelatedMessageReachedTheRecipientMeanwhile() {
        // Twilio's Message resource has no ContentSid and here shows no body for the Content send either
        String to = FakeTwilio.randomPhone();
        String contentSid = template("order_update_" + shortId(), "Your order {{order_number}} is {{status}}.");
        TWILIO.script(to, Answer.STORE_THEN_503);
        TWILIO.afterNextPost(to, () -> TWILIO.storeUnrelated(to, SMS_FROM, "Reminder: your appointment is tomorrow"));
        String id = templated(to, templateKeyOf(contentSid), null);

        OutboundMessageAccepted accepted = results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(id));
        assertThat(TWILIO.postsTo(to)).as("exactly one POST").hasSize(1);
        assertThat(TWILIO.postsTo(to).get(0).first("ContentSid")).isEqualTo(contentSid);
        assertThat(TWILIO.postsTo(to).get(0).first("Body")).isNull();
        assertThat(TWILIO.storedTo(to)).hasSize(2);
        assertThat(accepted.providerMessageId()).as("our message, not the unrelated newer one")
                .isEqualTo(TWILIO.storedTo(to).get(0).sid());
        assertThat(state(id)).isEqualTo("accepted");
    }

    @Test
    void aTemplated503IsMatchedByTheRenderedBodyTwilioShows() {
        String to = FakeTwilio.randomPhone();
        String contentSid = template("shipping_" + shortId(), "Order {{order_number}} ships {{status}}.");
        TWILIO.showsContentAs(contentSid, "Order {{order_number}} ships {{status}}.");
        TWILIO.script(to, Answer.STORE_THEN_503);
        // someone else's template send to the same number: no body either, so only the rendered text tells them apart
        TWILIO.afterNextPost(to, () -> TWILIO.storeUnrelated(to, SMS_FROM, null));
        String id = templated(to, templateKeyOf(contentSid), null);

        OutboundMessageAccepted accepted = results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(id));
        assertThat(TWILIO.postsTo(to)).hasSize(1);
        assertThat(TWILIO.storedTo(to).get(0).body()).isEqualTo("Order A-17 ships shipped.");
        assertThat(accepted.providerMessageId()).isEqualTo(TWILIO.storedTo(to).get(0).sid());
    }

    @Test
    void aBodilessSendThatCannotBeToldApartIsFailedAsUnknownDeliveryAndNeverResent() {
        // a ContentSid without a local copy of the template: nothing tells our message from another bodiless one
        String to = FakeTwilio.randomPhone();
        String contentSid = "HX" + UUID.randomUUID().toString().replace("-", "");
        TWILIO.script(to, Answer.STORE_THEN_503);
        TWILIO.afterNextPost(to, () -> TWILIO.storeUnrelated(to, SMS_FROM, null));
        String id = templated(to, "unknown_key_" + shortId(), contentSid);

        OutboundMessageFailed failed = results().awaitOne(OutboundMessageFailed.class, f -> f.requestId().equals(id));
        assertThat(failed.code()).isEqualTo("unknown_delivery");
        assertThat(failed.retryable()).isFalse();
        assertThat(state(id)).isEqualTo("failed");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> TWILIO.postsTo(to).size() == 1);
        assertThat(results().events(OutboundMessageAccepted.class, a -> a.requestId().equals(id))).isEmpty();
    }

    @Test
    void smsWithATemplateAndAnInteractiveListGoesOutAsTheTemplateTextAndANumberedList() {
        String to = FakeTwilio.randomPhone();
        String contentSid = template("parts_" + shortId(), "We found these parts for \"{{query}}\". Pick one.");
        String id = UUID.randomUUID().toString();
        Interactive list = new Interactive(InteractiveKind.LIST_PICKER, "Pick a part", "Choose a part",
                List.of(new InteractiveOption("SKU-1", "Brake pad", "front"), new InteractiveOption("SKU-2", "Brake disc", null)));
        Kafka.send(Topics.OUTBOUND_REQUESTS, key(Channel.SMS, to), anOutboundMessageRequested().orgId(ORG).requestId(id)
                .origin(Origin.AI).sessionId("s1").to(to).requestedBy("ai")
                .template(new TemplateRef(templateKeyOf(contentSid), null, "en", Map.of("query", "brakes"))).interactive(list)
                .build());

        results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(id));
        FakeTwilio.Post post = TWILIO.postsTo(to).get(0);
        assertThat(post.first("ContentSid")).isNull();
        assertThat(post.first("Body")).isEqualTo("We found these parts for \"brakes\". Pick one.\n1) Brake pad\n2) Brake disc");
    }

    @Test
    void aRequestRedeliveredOrRepeatedUnderAnotherEventIdIsSentOnce() {
        String to = FakeTwilio.randomPhone();
        String id = UUID.randomUUID().toString();
        OutboundMessageRequested request = requested(id, OutboundChannel.SMS, to, "only once");
        String eventId = Kafka.send(Topics.OUTBOUND_REQUESTS, key(Channel.SMS, to), request);
        Kafka.send(Topics.OUTBOUND_REQUESTS, key(Channel.SMS, to), request, eventId); // the same record again
        Kafka.send(Topics.OUTBOUND_REQUESTS, key(Channel.SMS, to), request); // another event, the same request id

        results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(id));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> TWILIO.postsTo(to).size() == 1);
        assertThat(results().events(OutboundMessageAccepted.class, a -> a.requestId().equals(id))).hasSize(1);
    }

    @Test
    void aLateSentAfterDeliveredAndARepeatedDeliveredChangeNothing() {
        String to = FakeTwilio.randomPhone();
        String id = request(OutboundChannel.SMS, to, "receipts out of order");
        String sid = results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(id)).providerMessageId();

        status(sid, id, DeliveryStatus.DELIVERED, null);
        results().awaitOne(OutboundDeliveryUpdated.class, u -> u.requestId().equals(id) && u.status() == DeliveryStatus.DELIVERED);
        status(sid, id, DeliveryStatus.SENT, null);
        status(sid, id, DeliveryStatus.DELIVERED, null); // Twilio calling the same status back twice
        status(sid, id, DeliveryStatus.READ, null); // same key, so handled after both: the marker
        results().awaitOne(OutboundDeliveryUpdated.class, u -> u.requestId().equals(id) && u.status() == DeliveryStatus.READ);

        assertThat(jdbc.queryForObject("SELECT delivery_status FROM outbound_message WHERE request_id = ?", String.class, id))
                .isEqualTo("read");
        assertThat(results().events(OutboundDeliveryUpdated.class, u -> u.requestId().equals(id)))
                .extracting(OutboundDeliveryUpdated::status).containsExactly(DeliveryStatus.DELIVERED, DeliveryStatus.READ);
    }

    @Test
    void failedReceiptsCarryAReadableReason() {
        String to = "whatsapp:" + FakeTwilio.randomPhone();
        inbound(Channel.WHATSAPP, to, "hi", Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> windowOf(to) > 0);
        String id = request(OutboundChannel.WHATSAPP, to, "inside the window");
        String sid = results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(id)).providerMessageId();

        status(sid, id, DeliveryStatus.FAILED, "63016");
        OutboundDeliveryUpdated failed = results().awaitOne(OutboundDeliveryUpdated.class,
                u -> u.requestId().equals(id) && u.status() == DeliveryStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("WhatsApp window closed: use an approved template");
    }

    @Test
    void anOptedOutNumberNeverReachesTwilioAndStartOptsBackIn() {
        String to = FakeTwilio.randomPhone();
        inbound(Channel.SMS, to, "Stop", Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> optedOut(to));
        String id = request(OutboundChannel.SMS, to, "should not go");

        OutboundMessageFailed failed = results().awaitOne(OutboundMessageFailed.class, f -> f.requestId().equals(id));
        assertThat(failed.code()).isEqualTo("opted_out");
        assertThat(TWILIO.postsTo(to)).isEmpty();

        inbound(Channel.SMS, to, "START", Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> !optedOut(to));
        String again = request(OutboundChannel.SMS, to, "welcome back");
        results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(again));
    }

    @Test
    void twilio21610MarksTheNumberOptedOut() {
        String to = FakeTwilio.randomPhone();
        TWILIO.script(to, Answer.REJECT_21610);
        String id = request(OutboundChannel.SMS, to, "to an unsubscribed number");

        OutboundMessageFailed failed = results().awaitOne(OutboundMessageFailed.class, f -> f.requestId().equals(id));
        assertThat(failed.code()).isEqualTo("opted_out");
        assertThat(failed.providerErrorCode()).isEqualTo("21610");
        assertThat(optedOut(to)).isTrue();
    }

    @Test
    void whatsappFreeFormOutsideTheWindowIsTemplateRequired() {
        String to = "whatsapp:" + FakeTwilio.randomPhone();
        inbound(Channel.WHATSAPP, to, "an old message", Instant.now().minus(Duration.ofHours(25)));
        await().atMost(Duration.ofSeconds(20)).until(() -> windowOf(to) > 0);
        String id = request(OutboundChannel.ORIGINATING, to, "free-form, too late");

        OutboundMessageFailed failed = results().awaitOne(OutboundMessageFailed.class, f -> f.requestId().equals(id));
        assertThat(failed.code()).isEqualTo("template_required");
        assertThat(failed.reason()).isEqualTo("WhatsApp window closed: use an approved template");
        assertThat(failed.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(TWILIO.postsTo(to)).isEmpty();
    }

    @Test
    void aFreshRequestWaitsForTheCustomerMessageThisServiceHasNotRecordedYet() throws InterruptedException {
        // an automation can answer a WhatsApp message before this service's own consumer of the inbound topic saw it
        String to = "whatsapp:" + FakeTwilio.randomPhone();
        String id = request(OutboundChannel.ORIGINATING, to, "thanks, we are on it");
        Thread.sleep(1_000);
        assertThat(TWILIO.postsTo(to)).as("not sent while the window looks closed").isEmpty();
        inbound(Channel.WHATSAPP, to, "hello?", Instant.now());

        results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(id));
        assertThat(TWILIO.postsTo(to)).hasSize(1);
        assertThat(results().all(e -> e.payload() instanceof OutboundMessageFailed f && f.requestId().equals(id))).isEmpty();
    }

    @Test
    void interactiveWhatsappInsideTheWindowGoesOutAsContentWithAStatusCallbackNamingTheRequest() {
        String to = "whatsapp:" + FakeTwilio.randomPhone();
        inbound(Channel.WHATSAPP, to, "menu please", Instant.now());
        await().atMost(Duration.ofSeconds(20)).until(() -> windowOf(to) > 0);
        String id = UUID.randomUUID().toString();
        Interactive menu = new Interactive(InteractiveKind.QUICK_REPLY, "What do you need?", null,
                List.of(new InteractiveOption("order", "Order status", null), new InteractiveOption("human", "An agent", null)));
        Kafka.send(Topics.OUTBOUND_REQUESTS, key(Channel.WHATSAPP, to), anOutboundMessageRequested().orgId(ORG).requestId(id)
                .origin(Origin.AI).sessionId("s1").channel(OutboundChannel.ORIGINATING).to(to).interactive(menu)
                .requestedBy("ai").build());

        OutboundMessageAccepted accepted = results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(id));
        assertThat(accepted.channel()).isEqualTo(Channel.WHATSAPP);
        FakeTwilio.Post post = TWILIO.postsTo(to).get(0);
        assertThat(post.first("ContentSid")).startsWith("HX");
        assertThat(post.first("From")).isEqualTo("whatsapp:+14155238886");
        assertThat(post.first("StatusCallback")).endsWith("/api/v1/webhooks/telephony/status?requestId=" + id);
        assertThat(TWILIO.contents()).anyMatch(c -> c.contains("twilio/quick-reply") && c.contains("Order status"));
    }

    @Test
    void emailGoesOutThroughSmtp() throws Exception {
        String id = UUID.randomUUID().toString();
        Kafka.send(Topics.OUTBOUND_REQUESTS, ORG + ":email:ada@example.com", anOutboundMessageRequested().orgId(ORG).requestId(id)
                .origin(Origin.AUTOMATION).channel(OutboundChannel.EMAIL).to("ada@example.com").subject("Your order")
                .body("It shipped.").requestedBy("wf-1").build());

        OutboundMessageAccepted accepted = results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(id));
        assertThat(accepted.channel()).isEqualTo(Channel.EMAIL);
        assertThat(mail.getReceivedMessages()).anySatisfy(m -> {
            assertThat(m.getSubject()).isEqualTo("Your order");
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        });
    }

    // ---------------------------------------------------------------------------------------------

    private static Kafka.Watcher results() {
        return Kafka.watch(Topics.OUTBOUND_RESULTS);
    }


    private static String key(Channel channel, String to) {
        return ConversationKey.of(ORG, channel, to).value();
    }

    private static OutboundMessageRequested requested(String id, OutboundChannel channel, String to, String body) {
        return anOutboundMessageRequested().orgId(ORG).requestId(id).sessionId("session-1").channel(channel).to(to)
                .body(body).requestedBy("agent-7").build();
    }

    private static String request(OutboundChannel channel, String to, String body) {
        String id = UUID.randomUUID().toString();
        Channel keyChannel = to.startsWith("whatsapp:") ? Channel.WHATSAPP : Channel.SMS;
        Kafka.send(Topics.OUTBOUND_REQUESTS, key(keyChannel, to), requested(id, channel, to, body));
        return id;
    }

    private static void inbound(Channel channel, String from, String body, Instant at) {
        MessageReceived received = aMessageReceived().orgId(ORG).channel(channel).from(from)
                .to(channel == Channel.WHATSAPP ? "whatsapp:+14155238886" : SMS_FROM).body(body).receivedAt(at).build();
        Kafka.send(Topics.INBOUND, received.conversationKey().value(), received);
    }

    private static void status(String sid, String requestId, DeliveryStatus status, String errorCode) {
        Kafka.send(Topics.DELIVERY_STATUS, sid, new DeliveryStatusReported(ORG, sid, status, status.wire(), errorCode, null,
                Channel.SMS, SMS_FROM, null, requestId, Instant.now()));
    }

    private final Map<String, String> templateKeys = new java.util.concurrent.ConcurrentHashMap<>();

    /** An approved SMS template in our catalog copy; returns its Content SID. */
    private String template(String key, String body) {
        String contentSid = "HX" + UUID.randomUUID().toString().replace("-", "");
        jdbc.update("""
                INSERT INTO template_copy (template_id, org_id, template_key, channel, language, template_type, body,
                                           content_sid, approval_status)
                VALUES (?, ?, ?, NULL, 'en', 'TEXT', ?, ?, 'approved')""", UUID.randomUUID().toString(), ORG, key, body,
                contentSid);
        templateKeys.put(contentSid, key);
        return contentSid;
    }

    private String templateKeyOf(String contentSid) {
        return templateKeys.get(contentSid);
    }

    private static String templated(String to, String key, String contentSid) {
        String id = UUID.randomUUID().toString();
        Kafka.send(Topics.OUTBOUND_REQUESTS, key(Channel.SMS, to), anOutboundMessageRequested().orgId(ORG).requestId(id)
                .origin(Origin.AUTOMATION).to(to).requestedBy("wf-1")
                .template(new TemplateRef(key, contentSid, "en", Map.of("order_number", "A-17", "status", "shipped")))
                .build());
        return id;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String state(String id) {
        return jdbc.queryForObject("SELECT state FROM outbound_message WHERE request_id = ?", String.class, id);
    }

    private boolean optedOut(String to) {
        return jdbc.queryForObject("SELECT count(*) FROM opt_out WHERE org_id = ? AND address = ?", Integer.class, ORG, to) > 0;
    }

    private int windowOf(String to) {
        return jdbc.queryForObject("SELECT count(*) FROM customer_window WHERE org_id = ? AND address = ?", Integer.class, ORG, to);
    }
}
