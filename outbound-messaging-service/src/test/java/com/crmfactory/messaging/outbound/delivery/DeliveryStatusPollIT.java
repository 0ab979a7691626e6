package com.crmfactory.messaging.outbound.delivery;

import static com.crmfactory.messaging.events.testing.OutboundMessageRequestedBuilder.anOutboundMessageRequested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.common.OutboundChannel;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.events.outbound.OutboundDeliveryUpdated;
import com.crmfactory.messaging.events.outbound.OutboundMessageAccepted;
import com.crmfactory.messaging.outbound.support.FakeTwilio;
import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

/**
 * The delivery status poll against a real broker and PostgreSQL, with the HTTP fake of Twilio answering the
 * Message fetch: accepted sends whose status callbacks never came are settled from what Twilio reports, once,
 * forward only, across concurrent pollers. Quiet period 1 s, a run every 200 ms.
 */
@SpringBootTest
@RealInfrastructure
class DeliveryStatusPollIT {

    static final FakeTwilio TWILIO = FakeTwilio.started();
    static final String ORG = "org-status-poll";
    static final String SMS_FROM = "+15005550006";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeliveryStatusPoller poller;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("platform.twilio.api-base-url", TWILIO::origin);
        registry.add("platform.twilio.account-sid", () -> "AC00000000000000000000000000000001");
        registry.add("platform.twilio.auth-token", () -> "0123456789abcdef0123456789abcdef");
        registry.add("platform.twilio.sms-number", () -> SMS_FROM);
        registry.add("platform.twilio.whatsapp-number", () -> "+14155238886");
        registry.add("platform.outbound.rate-limits.enabled", () -> "false");
        registry.add("platform.outbound.status-poll.after", () -> "1s");
        registry.add("platform.outbound.status-poll.interval", () -> "200ms");
        registry.add("platform.outbound.status-poll.batch", () -> "5");
    }

    @AfterAll
    static void stop() {
        TWILIO.close();
    }

    @Test
    void aSendWhoseCallbacksNeverCameIsSettledByThePollOnce() {
        String to = FakeTwilio.randomPhone();
        String id = request(to, "callbacks lost");
        String sid = accepted(id);
        TWILIO.reports(sid, "delivered", null, null);

        OutboundDeliveryUpdated updated = results().awaitOne(OutboundDeliveryUpdated.class, u -> u.requestId().equals(id));
        assertThat(updated.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(updated.providerMessageId()).isEqualTo(sid);
        assertThat(deliveryStatus(id)).isEqualTo("delivered");
        assertThat(statusCheckAt(id)).as("settled: no more checks").isNull();
        int fetched = TWILIO.fetchesOf(sid);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> TWILIO.fetchesOf(sid) == fetched);
        assertThat(results().events(OutboundDeliveryUpdated.class, u -> u.requestId().equals(id))).hasSize(1);
    }

    @Test
    void anUndeliveredReportGetsTheReadableReason() {
        String id = request(FakeTwilio.randomPhone(), "to a phone that is off");
        String sid = accepted(id);
        TWILIO.reports(sid, "undelivered", 30003, "Unreachable destination handset");

        OutboundDeliveryUpdated updated = results().awaitOne(OutboundDeliveryUpdated.class, u -> u.requestId().equals(id));
        assertThat(updated.status()).isEqualTo(DeliveryStatus.UNDELIVERED);
        assertThat(updated.errorCode()).isEqualTo("30003");
        assertThat(updated.errorMessage()).isEqualTo("Unreachable handset: the phone is off or out of coverage");
    }

    @Test
    void a21610ReportOptsTheCustomerOutAsTheCallbackWould() {
        String to = FakeTwilio.randomPhone();
        String id = request(to, "to someone who unsubscribed");
        String sid = accepted(id);
        TWILIO.reports(sid, "failed", 21610, "Attempt to send to unsubscribed recipient");

        OutboundDeliveryUpdated updated = results().awaitOne(OutboundDeliveryUpdated.class, u -> u.requestId().equals(id));
        assertThat(updated.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(updated.errorCode()).isEqualTo("21610");
        await().atMost(Duration.ofSeconds(10)).until(() -> optedOut(to));
    }

    @Test
    void aMessageDeliveredByACallbackIsNotPolledAndAStalePollAnswerChangesNothing() {
        String id = request(FakeTwilio.randomPhone(), "delivered by its callback");
        String sid = accepted(id);
        Kafka.send(Topics.DELIVERY_STATUS, sid, new DeliveryStatusReported(ORG, sid, DeliveryStatus.DELIVERED, "delivered",
                null, null, Channel.SMS, SMS_FROM, null, id, Instant.now()));
        results().awaitOne(OutboundDeliveryUpdated.class, u -> u.requestId().equals(id));
        TWILIO.reports(sid, "sent", null, null);
        assertThat(statusCheckAt(id)).isNull();
        int fetched = quiet(sid);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> TWILIO.fetchesOf(sid) == fetched);

        // forced due anyway (e.g. a check claimed just before the callback): Twilio's stale 'sent' moves nothing
        jdbc.update("UPDATE outbound_message SET status_check_at = now() WHERE request_id = ?", id);
        await().atMost(Duration.ofSeconds(10)).until(() -> TWILIO.fetchesOf(sid) > fetched);
        await().atMost(Duration.ofSeconds(5)).until(() -> statusChecks(id) >= 1);
        assertThat(deliveryStatus(id)).isEqualTo("delivered");
        assertThat(results().events(OutboundDeliveryUpdated.class, u -> u.requestId().equals(id)))
                .extracting(OutboundDeliveryUpdated::status).containsExactly(DeliveryStatus.DELIVERED);
    }

    @Test
    void twilioUnavailableIsAskedAgainOnALaterRunWithoutCountingTheCheck() {
        String id = request(FakeTwilio.randomPhone(), "asked while Twilio is down");
        String sid = accepted(id);
        int before = parked(id, sid);
        TWILIO.failNextFetches(sid, 503, 1);
        TWILIO.reports(sid, "delivered", null, null);
        jdbc.update("UPDATE outbound_message SET status_check_at = now() WHERE request_id = ?", id);

        OutboundDeliveryUpdated updated = results().awaitOne(OutboundDeliveryUpdated.class, u -> u.requestId().equals(id));
        assertThat(updated.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(TWILIO.fetchesOf(sid) - before).as("the 503, then the answer on a later run").isEqualTo(2);
    }

    @Test
    void aSidTwilioDoesNotKnowIsNoLongerPolled() {
        String id = request(FakeTwilio.randomPhone(), "unknown to Twilio");
        String sid = accepted(id);
        TWILIO.forget(sid);

        await().atMost(Duration.ofSeconds(10)).until(() -> TWILIO.fetchesOf(sid) >= 1 && statusCheckAt(id) == null);
        int fetched = TWILIO.fetchesOf(sid);
        // a counted check would come again 2 s later (after × 2^1)
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(6)).until(() -> TWILIO.fetchesOf(sid) == fetched);
        assertThat(deliveryStatus(id)).isEqualTo("queued");
        assertThat(results().events(OutboundDeliveryUpdated.class, u -> u.requestId().equals(id))).isEmpty();
    }

    @Test
    void aSendOlderThanTheMaxAgeIsLeftAsItIs() {
        String id = request(FakeTwilio.randomPhone(), "accepted long ago");
        String sid = accepted(id);
        int before = parked(id, sid);
        TWILIO.reports(sid, "delivered", null, null);
        jdbc.update("UPDATE outbound_message SET accepted_at = now() - interval '73 hours', status_check_at = now() WHERE request_id = ?", id);

        await().atMost(Duration.ofSeconds(10)).until(() -> statusCheckAt(id) == null);
        assertThat(TWILIO.fetchesOf(sid)).isEqualTo(before);
        assertThat(deliveryStatus(id)).isEqualTo("queued");
    }

    @Test
    void concurrentPollersFetchEachDueMessageOnce() throws Exception {
        // twenty accepted sends (as after a lost batch of callbacks), none due until all are made due at once
        String batch = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String to = FakeTwilio.randomPhone();
            FakeTwilio.Stored message = TWILIO.storeUnrelated(to, SMS_FROM, null);
            TWILIO.reports(message.sid(), "delivered", null, null);
            String id = UUID.randomUUID().toString();
            jdbc.update("""
                    INSERT INTO outbound_message (request_id, org_id, session_id, conversation_key, channel, to_address,
                                                  from_address, state, provider_sid, delivery_status, request_json, accepted_at)
                    VALUES (?, ?, ?, ?, 'sms', ?, ?, 'accepted', ?, 'queued', '{}', now())""",
                    id, ORG, batch, key(to), to, SMS_FROM, message.sid());
            ids.add(id);
            sids.add(message.sid());
        }
        CyclicBarrier start = new CyclicBarrier(3);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int replica = 0; replica < 2; replica++) {
                runs.add(replicas.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    // batch 5: each call claims five; the scheduled runs of this instance poll meanwhile as well
                    poller.pollDue();
                    poller.pollDue();
                    return null;
                }));
            }
            jdbc.update("UPDATE outbound_message SET status_check_at = now() WHERE session_id = ?", batch);
            start.await(10, TimeUnit.SECONDS);
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> "delivered".equals(deliveryStatus(id))));
        assertThat(sids).allSatisfy(sid -> assertThat(TWILIO.fetchesOf(sid)).as("fetches of %s", sid).isEqualTo(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream()
                .allMatch(id -> !results().events(OutboundDeliveryUpdated.class, u -> u.requestId().equals(id)).isEmpty()));
        assertThat(ids).allSatisfy(id -> assertThat(
                results().events(OutboundDeliveryUpdated.class, u -> u.requestId().equals(id))).hasSize(1));
    }

    // ---------------------------------------------------------------------------------------------

    private static Kafka.Watcher results() {
        return Kafka.watch(Topics.OUTBOUND_RESULTS);
    }


    private static String key(String to) {
        return ConversationKey.of(ORG, Channel.SMS, to).value();
    }

    private static String request(String to, String body) {
        String id = UUID.randomUUID().toString();
        Kafka.send(Topics.OUTBOUND_REQUESTS, key(to), anOutboundMessageRequested().orgId(ORG).requestId(id)
                .sessionId("session-1").channel(OutboundChannel.SMS).to(to).body(body).requestedBy("agent-7").build());
        return id;
    }

    /** Waits for the send to be accepted as {@code queued} (Twilio's answer to the POST); returns its SID. */
    private static String accepted(String id) {
        OutboundMessageAccepted accepted = results().awaitOne(OutboundMessageAccepted.class, a -> a.requestId().equals(id));
        assertThat(accepted.status()).isEqualTo(DeliveryStatus.QUEUED);
        return accepted.providerMessageId();
    }

    /** Makes the send's next check an hour away; answers its fetches so far once none is in flight. */
    private int parked(String id, String sid) {
        jdbc.update("UPDATE outbound_message SET status_check_at = now() + interval '1 hour' WHERE request_id = ?", id);
        return quiet(sid);
    }

    /** The fetches of {@code sid} once their count has stayed the same for half a second (none in flight). */
    private static int quiet(String sid) {
        int[] last = {TWILIO.fetchesOf(sid)};
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10)).until(() -> {
            int now = TWILIO.fetchesOf(sid);
            boolean same = now == last[0];
            last[0] = now;
            return same;
        });
        return last[0];
    }

    private String deliveryStatus(String id) {
        return jdbc.queryForObject("SELECT delivery_status FROM outbound_message WHERE request_id = ?", String.class, id);
    }

    private Instant statusCheckAt(String id) {
        java.sql.Timestamp at = jdbc.queryForObject("SELECT status_check_at FROM outbound_message WHERE request_id = ?",
                java.sql.Timestamp.class, id);
        return at == null ? null : at.toInstant();
    }

    private int statusChecks(String id) {
        return jdbc.queryForObject("SELECT status_checks FROM outbound_message WHERE request_id = ?", Integer.class, id);
    }

    private boolean optedOut(String to) {
        return jdbc.queryForObject("SELECT count(*) FROM opt_out WHERE org_id = ? AND address = ?", Integer.class, ORG, to) > 0;
    }
}
