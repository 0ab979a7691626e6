package com.crmfactory.messaging.template.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import com.crmfactory.messaging.support.web.OrgContextToken;
import com.crmfactory.messaging.template.CatalogTopic;
import com.crmfactory.messaging.template.CatalogTopic.Event;
import com.crmfactory.messaging.template.TemplateApi;
import com.crmfactory.messaging.template.TemplateApi.Response;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

import tools.jackson.databind.JsonNode;

/** The REST API against a real PostgreSQL and broker: behaviour over HTTP and the events on templates.catalog.v1. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@DirtiesContext
class TemplateApiIT {

    private static final String PATH = TemplateApi.PATH;

    @LocalServerPort
    int port;

    @Autowired
    OrgContextToken tokens;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

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
    void createReadUpdateDeleteAndEachChangeIsPublishedWithTheFullState() {
        String org = "org-crud";
        Response created = api.post(org, PATH, text("shipping_update", "whatsapp",
                "Order {{order_number}} shipped via {{carrier}}", "order_number", "carrier"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.location()).endsWith(PATH + "/" + id);
        assertThat(created.text("approvalStatus")).isEqualTo("draft");
        assertThat(created.text("channel")).isEqualTo("whatsapp");
        assertThat(created.text("type")).isEqualTo("text");
        assertThat(created.body().get("builtIn").asBoolean()).isFalse();

        Response read = api.get(org, PATH + "/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("body")).isEqualTo("Order {{order_number}} shipped via {{carrier}}");
        assertThat(read.body().get("variables").toString()).isEqualTo("[\"order_number\",\"carrier\"]");

        Map<String, Object> change = text("shipping_update", "whatsapp", "Order {{order_number}} is on its way",
                "order_number");
        change.put("contentSid", "HX" + "a".repeat(32));
        Response updated = api.put(org, PATH + "/" + id, change);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.text("body")).isEqualTo("Order {{order_number}} is on its way");
        assertThat(updated.text("contentSid")).isEqualTo("HX" + "a".repeat(32));
        assertThat(updated.body().get("version").asLong()).isGreaterThan(created.body().get("version").asLong());

        assertThat(api.delete(org, PATH + "/" + id).status()).isEqualTo(204);
        assertThat(api.get(org, PATH + "/" + id).status()).isEqualTo(404);

        List<Event> events = CatalogTopic.await(org, all -> all.stream().anyMatch(Event::deleted));
        List<Event> ofTemplate = events.stream().filter(e -> id.equals(e.key())).toList();
        assertThat(ofTemplate).extracting(e -> e.upserted() ? "upserted" : "deleted")
                .containsExactly("upserted", "upserted", "deleted");
        Event first = ofTemplate.get(0);
        assertThat(first.text("templateId")).isEqualTo(id);
        assertThat(first.text("orgId")).isEqualTo(org);
        assertThat(first.text("key")).isEqualTo("shipping_update");
        assertThat(first.text("channel")).isEqualTo("whatsapp");
        assertThat(first.text("language")).isEqualTo("en");
        assertThat(first.text("approvalStatus")).isEqualTo("draft");
        assertThat(first.value().get("variables").toString()).isEqualTo("[\"order_number\",\"carrier\"]");
        Event second = ofTemplate.get(1);
        assertThat(second.text("body")).isEqualTo("Order {{order_number}} is on its way");
        assertThat(second.text("contentSid")).isEqualTo("HX" + "a".repeat(32));
        assertThat(ofTemplate.get(2).text("key")).isEqualTo("shipping_update");
    }

    @Test
    void invalidTemplatesAreClear422sAndChangeNothing() {
        String org = "org-invalid";
        int before = api.get(org, PATH).body().get("totalItems").asInt();

        Response undeclared = api.post(org, PATH, text("t1", null, "Hi {{name}}, order {{order_number}}", "name"));
        assertThat(undeclared.status()).isEqualTo(422);
        assertThat(undeclared.contentType()).startsWith("application/problem+json");
        assertThat(undeclared.errorField()).isEqualTo("body");
        assertThat(undeclared.text("detail")).contains("{{order_number}}").contains("not declared");

        Response unused = api.post(org, PATH, text("t2", null, "Hi {{name}}", "name", "status"));
        assertThat(unused.status()).isEqualTo(422);
        assertThat(unused.errorField()).isEqualTo("variables");

        Response tooMany = api.post(org, PATH, listPicker("parts", 11));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.errorField()).isEqualTo("options");
        assertThat(tooMany.text("detail")).contains("1 to 10");

        Response tooLong = api.post(org, PATH, text("t3", "sms", "x".repeat(1601)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.errorField()).isEqualTo("body");
        assertThat(tooLong.text("detail")).contains("1600");

        Map<String, Object> longButton = quickReply("menu", "y".repeat(21));
        Response titleTooLong = api.post(org, PATH, longButton);
        assertThat(titleTooLong.status()).isEqualTo(422);
        assertThat(titleTooLong.errorField()).isEqualTo("options[0].title");

        Map<String, Object> badType = text("t4", null, "Hi");
        badType.put("type", "carousel");
        Response type = api.post(org, PATH, badType);
        assertThat(type.status()).isEqualTo(422);
        assertThat(type.errorField()).isEqualTo("type");

        Response channel = api.post(org, PATH, text("t5", "voice", "Hi"));
        assertThat(channel.status()).isEqualTo(422);
        assertThat(channel.errorField()).isEqualTo("channel");

        Map<String, Object> badSid = text("t6", null, "Hi");
        badSid.put("contentSid", "MG123");
        assertThat(api.post(org, PATH, badSid).errorField()).isEqualTo("contentSid");

        Map<String, Object> noKey = text("t7", null, "Hi");
        noKey.remove("key");
        assertThat(api.post(org, PATH, noKey).errorField()).isEqualTo("key");
        assertThat(api.post(org, PATH, text("Bad Key", null, "Hi")).errorField()).isEqualTo("key");

        assertThat(api.post(org, PATH, "{not json").status()).isEqualTo(400);
        assertThat(api.get(org, PATH).body().get("totalItems").asInt()).isEqualTo(before);
    }

    @Test
    void aDuplicateKeyForTheSameChannelAndLanguageIsAConflict() {
        String org = "org-duplicate";
        assertThat(api.post(org, PATH, text("reminder", "sms", "Reminder")).status()).isEqualTo(201);
        Response duplicate = api.post(org, PATH, text("reminder", "sms", "Another reminder"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(duplicate.text("detail")).contains("reminder");

        assertThat(api.post(org, PATH, text("reminder", "whatsapp", "Reminder")).status()).isEqualTo(201);
        assertThat(api.post(org, PATH, text("reminder", null, "Reminder")).status()).isEqualTo(201);
        assertThat(api.post(org, PATH, text("reminder", null, "Reminder")).status()).isEqualTo(409);
        Map<String, Object> spanish = text("reminder", "sms", "Recordatorio");
        spanish.put("language", "es");
        Response es = api.post(org, PATH, spanish);
        assertThat(es.status()).isEqualTo(201);
        // renaming onto an existing identity is a conflict too
        assertThat(api.put(org, PATH + "/" + es.text("id"), text("reminder", "sms", "Reminder")).status()).isEqualTo(409);
        // another org may use the same key
        assertThat(api.post("org-duplicate-other", PATH, text("reminder", "sms", "Reminder")).status()).isEqualTo(201);
    }

    /**
     * A create racing another one passes the service's check (the other row is not committed yet) and
     * then meets the unique index: the loser gets a 409, not a 500. The "other create" here is a row
     * inserted in a transaction the test holds open until the request waits on it.
     */
    @Test
    void aCreateLosingARaceOnTheUniqueIndexIsAConflict() throws Exception {
        String org = "org-race";
        api.get(org, PATH); // built-ins first
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Response> loser = transaction.execute(status -> {
                jdbc.update("""
                        INSERT INTO message_template (id, org_id, template_key, channel, language, type, body,
                            approval_status, built_in, created_at, updated_at, version)
                        VALUES (gen_random_uuid(), ?, 'flash_sale', 'SMS', 'en', 'TEXT', 'Sale', 'DRAFT', false, now(), now(), 0)""",
                        org);
                Future<Response> call = pool.submit(() -> api.post(org, PATH, text("flash_sale", "sms", "Sale today")));
                try {
                    awaitBlockedOnALock();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return call;
            });
            Response response = loser.get(10, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.contentType()).startsWith("application/problem+json");
        } finally {
            pool.shutdown();
        }
        assertThat(api.get(org, PATH + "?key=flash_sale").body().get("totalItems").asInt()).isEqualTo(1);
    }

    private void awaitBlockedOnALock() throws InterruptedException {
        JdbcTemplate outside = new JdbcTemplate(jdbc.getDataSource());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Integer waiting = outside.queryForObject("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE wait_event_type = 'Lock' AND datname = current_database()", Integer.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the request never waited on the uncommitted row");
    }

    @Test
    void listsArePaginatedAndFiltered() {
        String org = "org-list";
        for (int i = 0; i < 5; i++) {
            assertThat(api.post(org, PATH, text("note_" + i, i % 2 == 0 ? "whatsapp" : "sms", "Note " + i)).status())
                    .isEqualTo(201);
        }
        Response first = api.get(org, PATH + "?page=0&size=3");
        assertThat(first.body().get("totalItems").asInt()).isEqualTo(8); // 5 + the 3 built-ins
        assertThat(first.body().get("totalPages").asInt()).isEqualTo(3);
        assertThat(first.body().get("items")).hasSize(3);
        Response last = api.get(org, PATH + "?page=2&size=3");
        assertThat(last.body().get("items")).hasSize(2);
        List<String> keys = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            api.get(org, PATH + "?size=3&page=" + page).body().get("items").forEach(item -> keys.add(item.get("key").asString()));
        }
        assertThat(keys).hasSize(8).doesNotHaveDuplicates().isSorted();

        assertThat(keys(api.get(org, PATH + "?channel=whatsapp"))).containsExactly("note_0", "note_2", "note_4");
        assertThat(keys(api.get(org, PATH + "?key=note_3"))).containsExactly("note_3");
        assertThat(keys(api.get(org, PATH + "?status=draft&channel=sms"))).containsExactly("note_1", "note_3");
        assertThat(api.get(org, PATH + "?status=approved").body().get("totalItems").asInt()).isZero();

        Response badStatus = api.get(org, PATH + "?status=great");
        assertThat(badStatus.status()).isEqualTo(422);
        assertThat(badStatus.errorField()).isEqualTo("status");
        assertThat(api.get(org, PATH + "?size=0").status()).isEqualTo(422);
        assertThat(api.get(org, PATH + "?size=101").status()).isEqualTo(422);
        assertThat(api.get(org, PATH + "?channel=fax").status()).isEqualTo(422);
    }

    @Test
    void anotherOrgsTemplateDoesNotExist() {
        Response mine = api.post("org-a", PATH, text("secret_offer", null, "Only for A"));
        String path = PATH + "/" + mine.text("id");

        assertThat(api.get("org-b", path).status()).isEqualTo(404);
        assertThat(api.put("org-b", path, text("secret_offer", null, "Stolen")).status()).isEqualTo(404);
        assertThat(api.delete("org-b", path).status()).isEqualTo(404);
        assertThat(api.post("org-b", path + "/preview", Map.of("variables", Map.of())).status()).isEqualTo(404);
        assertThat(api.post("org-b", path + "/sync", null).status()).isEqualTo(404);
        assertThat(keys(api.get("org-b", PATH + "?size=100"))).doesNotContain("secret_offer");
        assertThat(keys(api.get("org-b", PATH + "?key=secret_offer"))).isEmpty();

        assertThat(api.get("org-a", path).text("body")).isEqualTo("Only for A");
        assertThat(api.get(null, PATH).status()).isEqualTo(401);
    }

    @Test
    void previewRendersTheGivenVariablesAndNamesAMissingOne() {
        String org = "org-preview";
        String id = idOf(org, "order_confirmation");
        Map<String, String> values = new HashMap<>(Map.of("customer_name", "Ada", "order_number", "A-1001",
                "status", "shipped", "total", "$12.50", "delivery_date", "Friday"));
        values.put("unrelated", "ignored");
        Response preview = api.post(org, PATH + "/" + id + "/preview", Map.of("variables", values));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.text("body")).startsWith("Hi Ada, your order A-1001 is shipped. Total: $12.50.");
        assertThat(preview.body().get("contentVariables").has("unrelated")).isFalse();
        assertThat(preview.body().get("contentVariables").get("order_number").asString()).isEqualTo("A-1001");

        values.remove("status");
        Response missing = api.post(org, PATH + "/" + id + "/preview", Map.of("variables", values));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.errorField()).isEqualTo("variables.status");
        assertThat(missing.text("detail")).contains("'status' is missing");

        String list = idOf(org, "part_selection_list");
        Map<String, String> parts = new HashMap<>();
        for (String name : List.of("sku_1", "sku_2", "sku_3")) {
            parts.put(name, name.toUpperCase());
        }
        parts.putAll(Map.of("query", "brake pads", "name_1", "Front pads", "name_2", "Rear pads", "name_3", "Ceramic pads",
                "detail_1", "$40, 12 in stock", "detail_2", "$35, 3 in stock", "detail_3", "$60, 1 in stock"));
        Response listPreview = api.post(org, PATH + "/" + list + "/preview", Map.of("variables", parts));
        assertThat(listPreview.status()).as(listPreview.toString()).isEqualTo(200);
        assertThat(listPreview.body().get("options").get(0).get("id").asString()).isEqualTo("SKU_1");
        assertThat(listPreview.body().get("options").get(2).get("title").asString()).isEqualTo("Ceramic pads");

        parts.put("name_1", "An item name far longer than Twilio allows");
        Response tooLong = api.post(org, PATH + "/" + list + "/preview", Map.of("variables", parts));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.errorField()).isEqualTo("options[0].title");
    }

    @Test
    void syncWithoutTwilioCredentialsExplainsItself() {
        String org = "org-nosync";
        Map<String, Object> withSid = text("welcome_back", "whatsapp", "Welcome back");
        withSid.put("contentSid", "HX" + "b".repeat(32));
        String id = api.post(org, PATH, withSid).text("id");
        Response sync = api.post(org, PATH + "/" + id + "/sync", null);
        assertThat(sync.status()).isEqualTo(503);
        assertThat(sync.contentType()).startsWith("application/problem+json");
        assertThat(sync.text("detail")).contains("PLATFORM_TWILIO_ACCOUNT_SID").contains("PLATFORM_TWILIO_AUTH_TOKEN");
    }

    /** Without credentials the built-ins wait for their Content resources: nothing fails, on demand is a 503. */
    @Test
    void provisioningWithoutTwilioCredentialsExplainsItself() {
        String org = "org-noprovision";
        String welcome = idOf(org, "welcome_menu");
        assertThat(api.get(org, PATH + "/" + welcome).text("contentSid")).isNull();
        Response provision = api.post(org, PATH + "/" + welcome + "/provision", null);
        assertThat(provision.status()).isEqualTo(503);
        assertThat(provision.contentType()).startsWith("application/problem+json");
        assertThat(provision.text("detail")).contains("PLATFORM_TWILIO_ACCOUNT_SID").contains("Content provisioning");
    }

    private String idOf(String org, String key) {
        return api.get(org, PATH + "?key=" + key).body().get("items").get(0).get("id").asString();
    }

    private static List<String> keys(Response page) {
        List<String> keys = new ArrayList<>();
        page.body().get("items").forEach((JsonNode item) -> keys.add(item.get("key").asString()));
        return keys;
    }

    static Map<String, Object> text(String key, String channel, String body, String... variables) {
        Map<String, Object> template = new HashMap<>();
        template.put("key", key);
        template.put("channel", channel);
        template.put("language", "en");
        template.put("type", "text");
        template.put("body", body);
        template.put("variables", List.of(variables));
        return template;
    }

    private static Map<String, Object> quickReply(String key, String title) {
        Map<String, Object> template = text(key, "whatsapp", "Pick one");
        template.put("type", "quick-reply");
        template.put("options", List.of(Map.of("id", "a", "title", title)));
        return template;
    }

    private static Map<String, Object> listPicker(String key, int items) {
        Map<String, Object> template = text(key, "whatsapp", "Pick a part");
        template.put("type", "list-picker");
        template.put("buttonLabel", "Parts");
        template.put("options", IntStream.range(0, items)
                .mapToObj(i -> Map.of("id", "p" + i, "title", "Part " + i, "description", "In stock")).toList());
        return template;
    }
}
