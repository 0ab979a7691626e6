package com.crmfactory.messaging.template.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.support.kafka.EventPublisher;
import com.crmfactory.messaging.support.web.OrgContextToken;
import com.crmfactory.messaging.template.CatalogTopic;
import com.crmfactory.messaging.template.CatalogTopic.Event;
import com.crmfactory.messaging.template.TemplateApi;
import com.crmfactory.messaging.template.TemplateApi.Response;
import com.crmfactory.messaging.template.approval.FakeTwilioContentApi;
import com.crmfactory.messaging.template.approval.FakeTwilioContentApi.Stored;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

import tools.jackson.databind.JsonNode;

/**
 * The built-ins get their own Twilio Content resources, through the real SDK against a local fake of the
 * Content API: on a new org, on demand, with retries, after a crash, and never twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.twilio.account-sid=" + FakeTwilioContentApi.ACCOUNT_SID,
        "platform.twilio.auth-token=" + FakeTwilioContentApi.AUTH_TOKEN,
        "platform.template.approval-sync.interval=1s",
        "platform.template.approval-sync.initial-delay=0s",
        "platform.template.provisioning.poll-interval=200ms",
        "platform.template.provisioning.initial-delay=0s",
        "platform.template.provisioning.retry-initial=300ms",
        "platform.template.provisioning.retry-max=1s",
        "platform.template.provisioning.lease=3s"})
@RealInfrastructure
@DirtiesContext
class ContentProvisioningIT {

    private static final String PATH = TemplateApi.PATH;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static FakeTwilioContentApi twilio;

    @LocalServerPort
    int port;

    @Autowired
    OrgContextToken tokens;

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcTemplate jdbc;

    TemplateApi api;

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) throws IOException {
        twilio = new FakeTwilioContentApi();
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
    void aNewOrgsBuiltInsAreCreatedInTwilioSubmittedPublishedAndFollowTheirApproval() throws Exception {
        String org = "org-prov-new";
        newTenant(org);
        Map<String, JsonNode> builtIns = awaitProvisioned(org);

        JsonNode welcome = builtIns.get("welcome_menu");
        Stored welcomeContent = onlyContent(welcome);
        JsonNode quickReply = welcomeContent.request().get("types").get("twilio/quick-reply");
        assertThat(welcomeContent.request().get("types").propertyNames()).containsExactly("twilio/quick-reply");
        assertThat(welcomeContent.request().get("language").asString()).isEqualTo("en");
        assertThat(quickReply.get("body").asString()).isEqualTo(welcome.get("body").asString());
        assertThat(quickReply.get("actions").valueStream().map(a -> a.get("type").asString() + ":" + a.get("id").asString()
                + ":" + a.get("title").asString()).toList())
                .containsExactly("QUICK_REPLY:order_status:Check an order", "QUICK_REPLY:find_part:Find a part",
                        "QUICK_REPLY:talk_to_agent:Talk to a person");

        Stored order = onlyContent(builtIns.get("order_confirmation"));
        assertThat(order.request().get("types").get("twilio/text").get("body").asString())
                .contains("{{order_number}}").contains("{{customer_name}}");
        JsonNode samples = order.request().get("variables");
        assertThat(samples.propertyNames()).containsExactlyInAnyOrder("customer_name", "order_number", "status", "total",
                "delivery_date");
        samples.valueStream().forEach(sample -> assertThat(sample.asString()).isNotBlank());

        Stored parts = onlyContent(builtIns.get("part_selection_list"));
        JsonNode list = parts.request().get("types").get("twilio/list-picker");
        assertThat(list.get("button").asString()).isEqualTo("Choose a part");
        assertThat(list.get("items").get(0).get("id").asString()).isEqualTo("{{sku_1}}");
        assertThat(list.get("items").get(0).get("item").asString()).isEqualTo("{{name_1}}");
        assertThat(list.get("items").get(0).get("description").asString()).isEqualTo("{{detail_1}}");
        assertThat(parts.request().get("variables").propertyNames()).contains("query", "sku_3", "detail_3");

        // WhatsApp approval asked for the quick reply and the text, never for the list picker (in-session only)
        for (String key : List.of("welcome_menu", "order_confirmation")) {
            List<JsonNode> submissions = twilio.submissions(builtIns.get(key).get("contentSid").asString());
            assertThat(submissions).hasSize(1);
            assertThat(submissions.get(0).get("category").asString()).isEqualTo("UTILITY");
            assertThat(submissions.get(0).get("name").asString()).isEqualTo(onlyContent(builtIns.get(key)).friendlyName())
                    .matches("[a-z0-9_]+");
            assertThat(builtIns.get(key).get("approvalStatus").asString()).isEqualTo("pending");
        }
        assertThat(twilio.submissions(parts.sid())).isEmpty();
        assertThat(builtIns.get("part_selection_list").get("approvalStatus").asString()).isEqualTo("draft");

        // Meta approves: the approval sync follows, and every step was published
        String welcomeId = welcome.get("id").asString();
        twilio.approval(welcomeContent.sid(), "approved", null);
        await().atMost(PATIENCE).until(() -> "approved".equals(api.get(org, PATH + "/" + welcomeId).text("approvalStatus")));
        List<Event> events = CatalogTopic.await(org, all -> all.stream()
                .anyMatch(e -> e.key().equals(welcomeId) && "approved".equals(e.text("approvalStatus"))));
        assertThat(events.stream().filter(e -> e.key().equals(welcomeId))
                .map(e -> e.text("contentSid") + "/" + e.text("approvalStatus")))
                .containsExactly("null/draft", welcomeContent.sid() + "/draft", welcomeContent.sid() + "/pending",
                        welcomeContent.sid() + "/approved");
    }

    @Test
    void anotherOrgGetsItsOwnContentResources() {
        Map<String, JsonNode> first = awaitProvisioned(firstAccess("org-prov-iso-a"));
        Map<String, JsonNode> second = awaitProvisioned(firstAccess("org-prov-iso-b"));
        for (String key : first.keySet()) {
            assertThat(first.get(key).get("contentSid").asString()).isNotEqualTo(second.get(key).get("contentSid").asString());
            assertThat(onlyContent(first.get(key)).friendlyName()).isNotEqualTo(onlyContent(second.get(key)).friendlyName());
        }
        Response foreign = api.get("org-prov-iso-b", PATH + "/" + first.get("welcome_menu").get("id").asString());
        assertThat(foreign.status()).isEqualTo(404);
        Response provisionForeign = api.post("org-prov-iso-b", PATH + "/" + first.get("welcome_menu").get("id").asString()
                + "/provision", null);
        assertThat(provisionForeign.status()).isEqualTo(404);
        assertThat(CatalogTopic.await("org-prov-iso-b", all -> all.size() >= 6))
                .allMatch(e -> e.text("contentSid") == null || !e.text("contentSid").equals(
                        first.get("welcome_menu").get("contentSid").asString()));
    }

    @Test
    void twilioFailuresAreRetriedWithBackOffAndNothingIsHalfStored() throws Exception {
        twilio.failNextCreates(1_000);
        String org = firstAccess("org-prov-failing");
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT min(attempts) FROM content_provisioning WHERE org_id = ?", Integer.class, org) >= 2);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT state, last_error, claim_token FROM content_provisioning WHERE org_id = ?", org);
        assertThat(rows).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("state")).isEqualTo("CREATE");
        });
        assertThat(rows).anySatisfy(row -> assertThat(String.valueOf(row.get("last_error"))).contains("500"));
        for (JsonNode template : byKey(api.get(org, PATH)).values()) {
            assertThat(template.get("contentSid").isNull()).isTrue();
        }
        assertThat(CatalogTopic.await(org, all -> all.size() >= 3)).allMatch(e -> e.text("contentSid") == null);

        // Twilio recovers; the first approval request still fails once and is retried too
        twilio.failNextSubmissions(1);
        twilio.failNextCreates(0);
        Map<String, JsonNode> builtIns = awaitProvisioned(org);
        for (JsonNode template : builtIns.values()) {
            Stored content = onlyContent(template);
            assertThat(twilio.contentsNamed(content.friendlyName())).hasSize(1);
        }
        assertThat(twilio.submissions(builtIns.get("welcome_menu").get("contentSid").asString())).hasSizeLessThanOrEqualTo(2);
        assertThat(builtIns.get("welcome_menu").get("approvalStatus").asString()).isEqualTo("pending");
        assertThat(builtIns.get("order_confirmation").get("approvalStatus").asString()).isEqualTo("pending");
    }

    @Test
    void aCreationWhoseAnswerWasLostIsAdoptedNotRepeated() {
        twilio.loseNextCreateAnswers(3); // all three built-ins are created at Twilio, their SIDs never heard of
        String org = firstAccess("org-prov-lost-answer");
        Map<String, JsonNode> builtIns = awaitProvisioned(org);
        for (JsonNode template : builtIns.values()) {
            Stored content = onlyContent(template);
            assertThat(twilio.contentsNamed(content.friendlyName())).extracting(Stored::sid)
                    .containsExactly(template.get("contentSid").asString());
        }
        assertThat(twilio.requests("GET", "/v1/Content")).isNotEmpty(); // looked up by friendly name before creating again
    }

    /** A worker died after Twilio's 201 and before its commit: when its lease runs out another one adopts the content. */
    @Test
    void aWorkerThatDiedAfterTwilioCreatedTheContentIsTakenOverWithoutADuplicate() {
        String org = "org-prov-crash";
        Response created = api.post(org, PATH, Map.of("key", "pickup_ready", "channel", "whatsapp", "language", "en",
                "type", "text", "body", "Order {{order_number}} is ready for pickup.", "variables", List.of("order_number")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.text("id"));
        String name = ContentDefinition.friendlyName("pickup_ready", id, 1);
        String orphan = twilio.preexisting(name, "twilio/text");
        jdbc.update("""
                INSERT INTO content_provisioning (template_id, org_id, state, friendly_name, attempts, claim_token, next_attempt_at)
                VALUES (?, ?, 'CREATE', ?, 1, ?, now() + interval '1 second')""", id, org, name, UUID.randomUUID());

        await().atMost(PATIENCE).until(() -> orphan.equals(api.get(org, PATH + "/" + id).text("contentSid")));
        await().atMost(PATIENCE).until(() -> "DONE".equals(jdbc.queryForObject(
                "SELECT state FROM content_provisioning WHERE template_id = ?", String.class, id)));
        assertThat(twilio.contentsNamed(name)).hasSize(1);
        assertThat(twilio.submissions(orphan)).hasSize(1);
        assertThat(api.get(org, PATH + "/" + id).text("approvalStatus")).isEqualTo("pending");
    }

    @Test
    void onDemandProvisioningAnswersWithTheContentSid() {
        String org = "org-prov-on-demand";
        Map<String, Object> menu = new HashMap<>(Map.of("key", "delivery_choice", "channel", "whatsapp", "language", "en",
                "type", "quick-reply", "body", "Order {{order_number}}: when shall we deliver?",
                "variables", List.of("order_number"),
                "options", List.of(Map.of("id", "today", "title", "Today"), Map.of("id", "monday", "title", "Monday"))));
        String id = api.post(org, PATH, menu).text("id");

        Response provisioned = api.post(org, PATH + "/" + id + "/provision", null);
        assertThat(provisioned.status()).as(provisioned.toString()).isEqualTo(200);
        String sid = provisioned.text("contentSid");
        assertThat(sid).matches("HX[0-9a-f]{32}");
        assertThat(provisioned.text("approvalStatus")).isEqualTo("pending");
        Stored content = twilio.content(sid);
        assertThat(content.request().get("types").get("twilio/quick-reply").get("actions")).hasSize(2);
        assertThat(content.request().get("variables").get("order_number").asString()).isNotBlank();
        CatalogTopic.await(org, all -> all.stream().anyMatch(e -> e.key().equals(id) && sid.equals(e.text("contentSid"))));

        Response again = api.post(org, PATH + "/" + id + "/provision", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains(sid);
        assertThat(twilio.contentsNamed(content.friendlyName())).hasSize(1);

        Map<String, Object> sms = new HashMap<>(Map.of("key", "sms_note", "channel", "sms", "language", "en", "type", "text",
                "body", "See you soon."));
        String smsId = api.post(org, PATH, sms).text("id");
        Response smsProvision = api.post(org, PATH + "/" + smsId + "/provision", null);
        assertThat(smsProvision.status()).isEqualTo(409);
        assertThat(smsProvision.contentType()).startsWith("application/problem+json");

        assertThat(api.post(org, PATH + "/" + UUID.randomUUID() + "/provision", null).status()).isEqualTo(404);
    }

    private void newTenant(String org) {
        publisher.publish(Topics.PLATFORM_TENANTS, org,
                new TenantUpserted(org, "Parts & Co", TenantStatus.ACTIVE, List.of(), null, Instant.now()), Duration.ofSeconds(10));
    }

    /** The org's first API call creates its built-ins. */
    private String firstAccess(String org) {
        assertThat(api.get(org, PATH).status()).isEqualTo(200);
        return org;
    }

    /** Waits until the org's three built-ins carry a Content SID and the provisioning is finished. */
    private Map<String, JsonNode> awaitProvisioned(String org) {
        await().atMost(PATIENCE).until(() -> {
            Response listed = api.get(org, PATH);
            return listed.status() == 200 && listed.body().get("totalItems").asInt() == 3 && jdbc.queryForObject(
                    "SELECT count(*) FROM content_provisioning WHERE org_id = ? AND state = 'DONE'", Integer.class, org) == 3;
        });
        return byKey(api.get(org, PATH));
    }

    private static Map<String, JsonNode> byKey(Response list) {
        Map<String, JsonNode> byKey = new HashMap<>();
        list.body().get("items").forEach(item -> byKey.put(item.get("key").asString(), item));
        return byKey;
    }

    private static Stored onlyContent(JsonNode template) {
        Stored content = twilio.content(template.get("contentSid").asString());
        assertThat(content).as("Content of " + template.get("key")).isNotNull();
        assertThat(twilio.contentsNamed(content.friendlyName())).hasSize(1);
        return content;
    }
}
