package com.crmfactory.messaging.template.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.crmfactory.messaging.support.web.OrgContextToken;
import com.crmfactory.messaging.template.CatalogTopic;
import com.crmfactory.messaging.template.CatalogTopic.Event;
import com.crmfactory.messaging.template.TemplateApi;
import com.crmfactory.messaging.template.TemplateApi.Response;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

import tools.jackson.databind.JsonNode;

/**
 * Approval status from Twilio's Content API, through the real Twilio SDK redirected to a local fake:
 * on demand, periodically, and shared out safely between replicas.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.twilio.account-sid=" + FakeTwilioContentApi.ACCOUNT_SID,
        "platform.twilio.auth-token=" + FakeTwilioContentApi.AUTH_TOKEN,
        "platform.template.approval-sync.interval=1s",
        "platform.template.approval-sync.initial-delay=0s",
        "TWILIO_TPL_WELCOME_MENU=" + ApprovalSyncIT.WELCOME_SID})
@RealInfrastructure
@DirtiesContext
class ApprovalSyncIT {

    static final String WELCOME_SID = "HXaaaabbbbccccddddeeeeffff00001111";
    private static final String PATH = TemplateApi.PATH;
    private static final AtomicInteger SIDS = new AtomicInteger();
    private static FakeTwilioContentApi twilio;

    @LocalServerPort
    int port;

    @Autowired
    OrgContextToken tokens;

    @Autowired
    ApprovalSyncQueue queue;

    @Autowired
    TransactionTemplate transaction;

    TemplateApi api;

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) throws IOException {
        twilio = new FakeTwilioContentApi();
        twilio.approval(WELCOME_SID, "approved", null);
        registry.add("platform.twilio.api-base-url", twilio::origin);
    }

    @BeforeAll
    static void tenantsTopic() {
        CatalogTopic.createTenantsTopic();
    }

    @AfterAll
    static void stopTwilio() {
        twilio.close();
    }

    @BeforeEach
    void client() {
        api = new TemplateApi(port, tokens);
    }

    @Test
    void onDemandSyncRecordsTwiliosVerdictAndPublishesIt() {
        String org = "org-sync-now";
        String sid = newSid();
        twilio.approval(sid, "approved", null);
        String id = createWithSid(org, "order_update", sid);

        Response synced = api.post(org, PATH + "/" + id + "/sync", null);
        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        assertThat(synced.text("approvalStatus")).isEqualTo("approved");
        assertThat(synced.text("approvalCheckedAt")).isNotNull();
        assertThat(api.get(org, PATH + "/" + id).text("approvalStatus")).isEqualTo("approved");

        FakeTwilioContentApi.Seen request = twilio.requestsFor(sid).get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/v1/Content/" + sid + "/ApprovalRequests");
        assertThat(request.authorization()).startsWith("Basic ");

        List<Event> events = CatalogTopic.await(org, all -> all.stream()
                .anyMatch(e -> e.key().equals(id) && "approved".equals(e.text("approvalStatus"))));
        assertThat(events.stream().filter(e -> e.key().equals(id)).map(e -> e.text("approvalStatus")))
                .containsExactly("draft", "approved");
    }

    @Test
    void aRejectionKeepsItsReason() {
        String org = "org-sync-rejected";
        String sid = newSid();
        twilio.approval(sid, "rejected", "INVALID_FORMAT: variables at the start of the body");
        String id = createWithSid(org, "promo_blast", sid);

        Response synced = api.post(org, PATH + "/" + id + "/sync", null);
        assertThat(synced.text("approvalStatus")).isEqualTo("rejected");
        assertThat(synced.text("rejectionReason")).startsWith("INVALID_FORMAT");
    }

    @Test
    void twilioErrorsBecomeClearProblems() {
        String org = "org-sync-errors";
        String unknown = newSid();
        String unknownId = createWithSid(org, "unknown_content", unknown);
        Response notFound = api.post(org, PATH + "/" + unknownId + "/sync", null);
        assertThat(notFound.status()).isEqualTo(409);
        assertThat(notFound.text("detail")).contains(unknown);

        String broken = newSid();
        twilio.failWith500(broken);
        String brokenId = createWithSid(org, "broken_content", broken);
        Response unavailable = api.post(org, PATH + "/" + brokenId + "/sync", null);
        assertThat(unavailable.status()).isEqualTo(502);
        assertThat(unavailable.contentType()).startsWith("application/problem+json");
        assertThat(twilio.requestsFor(broken)).isNotEmpty();

        Map<String, Object> noSid = template("plain_note", null);
        String plainId = api.post(org, PATH, noSid).text("id");
        Response nothing = api.post(org, PATH + "/" + plainId + "/sync", null);
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.text("detail")).contains("no Twilio Content SID");
    }

    @Test
    void thePeriodicSyncFollowsTwilioWithoutBeingAsked() throws InterruptedException {
        String org = "org-sync-periodic";
        String sid = newSid();
        twilio.approval(sid, "received", null);
        String id = createWithSid(org, "delivery_notice", sid);

        await().atMost(Duration.ofSeconds(20)).until(() -> "pending".equals(api.get(org, PATH + "/" + id).text("approvalStatus")));
        twilio.approval(sid, "approved", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> "approved".equals(api.get(org, PATH + "/" + id).text("approvalStatus")));

        List<Event> events = CatalogTopic.await(org, all -> all.stream()
                .anyMatch(e -> e.key().equals(id) && "approved".equals(e.text("approvalStatus"))));
        assertThat(events.stream().filter(e -> e.key().equals(id)).map(e -> e.text("approvalStatus")))
                .containsExactly("draft", "pending", "approved");

        // unchanged verdicts are not republished, however often they are checked
        int checks = twilio.requestsFor(sid).size();
        Thread.sleep(2500);
        assertThat(twilio.requestsFor(sid).size()).isGreaterThan(checks);
        assertThat(CatalogTopic.await(org, all -> all.size() >= 3).stream().filter(e -> e.key().equals(id))).hasSize(3);
    }

    /** The deployment's TWILIO_TPL_* Content is approved once at Twilio: every org's built-in follows. */
    @Test
    void everyOrgsBuiltInFollowsTheApprovalOfTheSharedOverride() {
        for (String org : List.of("org-shared-1", "org-shared-2")) {
            String id = api.get(org, PATH + "?key=welcome_menu").body().get("items").get(0).get("id").asString();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "approved".equals(api.get(org, PATH + "/" + id).text("approvalStatus")));
            CatalogTopic.await(org, all -> all.stream().anyMatch(e -> e.key().equals(id) && "approved".equals(e.text("approvalStatus"))));
        }
    }

    /** TWILIO_TPL_WELCOME_MENU wins: that built-in is never provisioned, the others get Content resources of their own. */
    @Test
    void anOverriddenBuiltInIsNeverProvisioned() {
        String org = "org-sync-provisioned";
        api.get(org, PATH);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode items = api.get(org, PATH).body().get("items");
            return items.valueStream().allMatch(t -> t.hasNonNull("contentSid"));
        });
        Map<String, String> sids = new HashMap<>();
        api.get(org, PATH).body().get("items").forEach(t -> sids.put(t.get("key").asString(), t.get("contentSid").asString()));
        assertThat(sids.get("welcome_menu")).isEqualTo(WELCOME_SID);
        assertThat(sids.get("order_confirmation")).isNotEqualTo(WELCOME_SID);
        assertThat(twilio.content(sids.get("order_confirmation"))).isNotNull();
        assertThat(twilio.requests("POST", "/v1/Content"))
                .noneMatch(r -> r.json().path("friendly_name").asString().startsWith("welcome_menu"));
    }

    /** Two replicas claiming at once never get the same template (FOR UPDATE SKIP LOCKED). */
    @Test
    void concurrentClaimsAreDisjoint() throws Exception {
        String org = "org-sync-claims";
        for (int i = 0; i < 6; i++) {
            createWithSid(org, "claim_" + i, newSid());
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch firstClaimed = new CountDownLatch(1);
            CountDownLatch secondDone = new CountDownLatch(1);
            Future<List<ApprovalSyncQueue.Due>> first = pool.submit(() -> transaction.execute(status -> {
                List<ApprovalSyncQueue.Due> claimed = queue.claim(3, Duration.ZERO);
                firstClaimed.countDown();
                awaitLatch(secondDone);
                return claimed; // commits only now: its rows stayed locked meanwhile
            }));
            assertThat(firstClaimed.await(10, TimeUnit.SECONDS)).isTrue();
            List<ApprovalSyncQueue.Due> second = transaction.execute(status -> queue.claim(100, Duration.ZERO));
            secondDone.countDown();
            List<ApprovalSyncQueue.Due> firstClaims = first.get(10, TimeUnit.SECONDS);

            assertThat(firstClaims).hasSize(3);
            assertThat(second).isNotEmpty();
            assertThat(second).extracting(ApprovalSyncQueue.Due::id)
                    .doesNotContainAnyElementsOf(firstClaims.stream().map(ApprovalSyncQueue.Due::id).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String createWithSid(String org, String key, String sid) {
        Response created = api.post(org, PATH, template(key, sid));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private static Map<String, Object> template(String key, String sid) {
        Map<String, Object> template = new HashMap<>();
        template.put("key", key);
        template.put("channel", "whatsapp");
        template.put("language", "en");
        template.put("type", "text");
        template.put("body", "Your order {{order_number}} has an update.");
        template.put("variables", List.of("order_number"));
        template.put("contentSid", sid);
        return template;
    }

    private static String newSid() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return "HX" + hex.substring(0, 28) + String.format("%04x", SIDS.incrementAndGet());
    }
}
