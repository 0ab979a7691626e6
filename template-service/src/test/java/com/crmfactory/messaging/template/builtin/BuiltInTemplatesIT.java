package com.crmfactory.messaging.template.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.support.kafka.EventPublisher;
import com.crmfactory.messaging.support.web.OrgContextToken;
import com.crmfactory.messaging.template.CatalogTopic;
import com.crmfactory.messaging.template.CatalogTopic.Event;
import com.crmfactory.messaging.template.TemplateApi;
import com.crmfactory.messaging.template.TemplateApi.Response;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

import tools.jackson.databind.JsonNode;

/** Built-ins: created once per org (first API call or tenant event), published, TWILIO_TPL_* overrides. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "TWILIO_TPL_WELCOME_MENU=" + BuiltInTemplatesIT.WELCOME_SID,
        "TWILIO_TPL_NO_SUCH_TEMPLATE=HX00000000000000000000000000000000"})
@RealInfrastructure
@DirtiesContext
class BuiltInTemplatesIT {

    static final String WELCOME_SID = "HX0123456789abcdef0123456789abcdef";
    private static final String PATH = TemplateApi.PATH;

    @LocalServerPort
    int port;

    @Autowired
    OrgContextToken tokens;

    @Autowired
    EventPublisher publisher;

    @Autowired
    DefaultTemplates defaults;

    TemplateApi api;

    @BeforeAll
    static void tenantsTopic() {
        CatalogTopic.createTenantsTopic();
    }

    @BeforeEach
    void client() {
        api = new TemplateApi(port, tokens);
    }

    @Test
    void anOrgsFirstCallFindsTheBuiltInsCreatedOnceAndPublished() throws Exception {
        String org = "org-first";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> api.get(org, PATH), pool));
            }
            for (CompletableFuture<Response> call : calls) {
                assertThat(call.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        Map<String, JsonNode> builtIns = byKey(api.get(org, PATH));
        assertThat(builtIns).containsOnlyKeys("welcome_menu", "order_confirmation", "part_selection_list");
        builtIns.values().forEach(t -> assertThat(t.get("builtIn").asBoolean()).isTrue());
        assertThat(builtIns.get("welcome_menu").get("contentSid").asString()).isEqualTo(WELCOME_SID);
        assertThat(builtIns.get("welcome_menu").get("type").asString()).isEqualTo("quick-reply");
        assertThat(builtIns.get("order_confirmation").get("contentSid").isNull()).isTrue();
        assertThat(builtIns.get("part_selection_list").get("type").asString()).isEqualTo("list-picker");

        List<Event> events = CatalogTopic.await(org, all -> all.size() >= 3);
        Thread.sleep(1000); // a duplicate creation would publish more
        events = CatalogTopic.await(org, all -> all.size() >= 3);
        assertThat(events).hasSize(3).allMatch(Event::upserted);
        assertThat(events).extracting(e -> e.text("key"))
                .containsExactlyInAnyOrder("welcome_menu", "order_confirmation", "part_selection_list");
        assertThat(events).allMatch(e -> e.value().get("builtIn").asBoolean());
        Event welcome = events.stream().filter(e -> e.text("key").equals("welcome_menu")).findFirst().orElseThrow();
        assertThat(welcome.text("contentSid")).isEqualTo(WELCOME_SID);
        assertThat(welcome.value().get("options")).hasSize(3);
        assertThat(welcome.key()).isEqualTo(builtIns.get("welcome_menu").get("id").asString());
    }

    @Test
    void aNewTenantGetsItsBuiltInsPublishedWithoutCallingTheApi() throws Exception {
        String org = "org-from-tenant-event";
        TenantUpserted tenant = new TenantUpserted(org, "Parts & Co", TenantStatus.ACTIVE, List.of(), null, Instant.now());
        publisher.publish(Topics.PLATFORM_TENANTS, org, tenant, Duration.ofSeconds(10));
        publisher.publish(Topics.PLATFORM_TENANTS, org, tenant, Duration.ofSeconds(10)); // replayed / updated tenant

        List<Event> events = CatalogTopic.await(org, all -> all.size() >= 3);
        assertThat(events).extracting(e -> e.text("key"))
                .containsExactlyInAnyOrder("welcome_menu", "order_confirmation", "part_selection_list");
        Thread.sleep(1000);
        assertThat(CatalogTopic.await(org, all -> all.size() >= 3)).hasSize(3);
        assertThat(api.get(org, PATH).body().get("totalItems").asInt()).isEqualTo(3);
    }

    @Test
    void builtInsCanBeRewordedButKeepTheirKeyTheirOverrideAndCannotBeDeleted() {
        String org = "org-edit-builtin";
        JsonNode welcome = byKey(api.get(org, PATH)).get("welcome_menu");
        String path = PATH + "/" + welcome.get("id").asString();
        Map<String, Object> edit = asRequest(welcome);
        edit.put("body", "Welcome to Parts & Co! How can we help?");
        edit.put("contentSid", null);

        Response reworded = api.put(org, path, edit);
        assertThat(reworded.status()).as(reworded.toString()).isEqualTo(200);
        assertThat(reworded.text("body")).isEqualTo("Welcome to Parts & Co! How can we help?");
        assertThat(reworded.text("contentSid")).isEqualTo(WELCOME_SID);

        edit.put("contentSid", "HX" + "f".repeat(32));
        Response otherSid = api.put(org, path, edit);
        assertThat(otherSid.status()).isEqualTo(422);
        assertThat(otherSid.errorField()).isEqualTo("contentSid");
        assertThat(otherSid.text("detail")).contains("TWILIO_TPL_WELCOME_MENU");

        edit.put("contentSid", WELCOME_SID);
        edit.put("key", "hello_menu");
        Response renamed = api.put(org, path, edit);
        assertThat(renamed.status()).isEqualTo(422);
        assertThat(renamed.errorField()).isEqualTo("key");

        Response deleted = api.delete(org, path);
        assertThat(deleted.status()).isEqualTo(409);
        assertThat(deleted.text("detail")).contains("built-in");
        assertThat(api.get(org, path).status()).isEqualTo(200);

        List<Event> events = CatalogTopic.await(org, all -> all.stream()
                .anyMatch(e -> "Welcome to Parts & Co! How can we help?".equals(e.text("body"))));
        List<Event> ofWelcome = events.stream().filter(e -> e.key().equals(welcome.get("id").asString())).toList();
        assertThat(ofWelcome).hasSize(2).allMatch(e -> WELCOME_SID.equals(e.text("contentSid")));
    }

    /** What the service does at start-up for each TWILIO_TPL_* setting, on orgs that already have their built-ins. */
    @Test
    void aChangedOverrideReachesExistingBuiltInsAndIsPublished() {
        String org = "org-override-later";
        String id = byKey(api.get(org, PATH)).get("order_confirmation").get("id").asString();
        String sid = "HXfedcba9876543210fedcba9876543210";

        assertThat(defaults.applyOverride("order_confirmation", sid)).isGreaterThanOrEqualTo(1);
        assertThat(defaults.applyOverride("order_confirmation", sid)).isZero();

        Response after = api.get(org, PATH + "/" + id);
        assertThat(after.text("contentSid")).isEqualTo(sid);
        assertThat(after.text("approvalStatus")).isEqualTo("draft");
        List<Event> events = CatalogTopic.await(org, all -> all.stream().anyMatch(e -> sid.equals(e.text("contentSid"))));
        assertThat(events.stream().filter(e -> sid.equals(e.text("contentSid")))).singleElement()
                .satisfies(e -> assertThat(e.key()).isEqualTo(id));
    }

    private static Map<String, JsonNode> byKey(Response page) {
        Map<String, JsonNode> templates = new HashMap<>();
        page.body().get("items").forEach(item -> templates.put(item.get("key").asString(), item));
        return templates;
    }

    private static Map<String, Object> asRequest(JsonNode template) {
        Map<String, Object> request = new HashMap<>();
        for (String field : List.of("key", "channel", "language", "type", "body", "contentSid", "buttonLabel")) {
            request.put(field, template.get(field).isNull() ? null : template.get(field).asString());
        }
        List<String> variables = new ArrayList<>();
        template.get("variables").forEach(v -> variables.add(v.asString()));
        request.put("variables", variables);
        List<Map<String, String>> options = new ArrayList<>();
        template.get("options").forEach(o -> options.add(Map.of("id", o.get("id").asString(), "title", o.get("title").asString())));
        request.put("options", options);
        return request;
    }
}
