package com.crmfactory.messaging.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.crmfactory.messaging.gateway.apikey.ApiKeyAuthenticator;
import com.crmfactory.messaging.gateway.apikey.ApiKeyPrincipal;
import com.crmfactory.messaging.gateway.apikey.ApiKeySecrets;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin API: admin key, orgs, numbers, keys, errors, and TenantUpserted on platform.tenants.v1. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.admin.api-key=" + AdminApiIT.ADMIN_KEY,
        "platform.bootstrap.api-key=" + AdminApiIT.ORG_KEY})
@RealInfrastructure
class AdminApiIT {

    static final String ADMIN_KEY = "admin-it-admin-key-0123456789";
    static final String ORG_KEY = "admin-it-default-org-key-0123456789abcdef";
    private static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiKeyAuthenticator authenticator;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void theAdminApiNeedsTheAdminKey() {
        problem(http.get().uri("/admin/v1/orgs").exchange(), 401, "Missing admin key");
        problem(http.get().uri("/admin/v1/orgs").header(HttpHeaders.AUTHORIZATION, "Bearer wrong-admin-key-0123456789").exchange(),
                401, "Invalid admin key");
        // an org's API key is a credential, but not for this
        problem(http.get().uri("/admin/v1/orgs").header(HttpHeaders.AUTHORIZATION, "Bearer " + ORG_KEY).exchange(),
                403, "Admin key required");
        problem(http.post().uri("/admin/v1/orgs").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Nope\"}")
                .exchange(), 401, "Missing admin key");
        admin(http.get().uri("/admin/v1/orgs")).exchange().expectStatus().isOk();
    }

    @Test
    void everyChangeToAnOrgOrItsNumbersPublishesItsFullState() {
        JsonNode org = body(admin(http.post().uri("/admin/v1/orgs")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Acme Industrial Supply", "helpText", "Reply STOP to opt out.",
                        "defaultLanguage", "en", "timeZone", "America/Los_Angeles"))
                .exchange().expectStatus().isCreated().expectHeader().exists(HttpHeaders.LOCATION));
        String orgId = org.path("id").asString();
        assertThat(org.path("status").asString()).isEqualTo("active");

        TenantTopic.Event created = TenantTopic.await(orgId, value -> value.path("name").asString().equals("Acme Industrial Supply"));
        assertThat(created.ceType()).isEqualTo("com.crmfactory.messaging.tenant.tenant-upserted.v1");
        assertThat(created.value().path("status").asString()).isEqualTo("active");
        assertThat(created.value().path("settings").path("timeZone").asString()).isEqualTo("America/Los_Angeles");

        String sms = uniqueNumber();
        String whatsapp = uniqueNumber();
        JsonNode smsNumber = addNumber(orgId, "sms", sms).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        addNumber(orgId, "whatsapp", whatsapp).expectStatus().isCreated()
                .expectBody().jsonPath("$.address").isEqualTo("whatsapp:" + whatsapp).jsonPath("$.type").isEqualTo("whatsapp");

        TenantTopic.Event withNumbers = TenantTopic.await(orgId, value -> addresses(value).equals(Set.of(sms, "whatsapp:" + whatsapp)));
        assertThat(withNumbers.value().path("name").asString()).isEqualTo("Acme Industrial Supply");
        assertThat(withNumbers.value().path("senderNumbers").path(0).path("channel").asString()).isIn("sms", "whatsapp");

        admin(http.patch().uri("/admin/v1/orgs/" + orgId)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "suspended")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("suspended").jsonPath("$.numbers.length()").isEqualTo(2);
        TenantTopic.await(orgId, value -> value.path("status").asString().equals("suspended")
                && addresses(value).size() == 2);

        admin(http.delete().uri("/admin/v1/orgs/" + orgId + "/numbers/" + smsNumber.path("id").asString())).exchange()
                .expectStatus().isNoContent();
        TenantTopic.await(orgId, value -> addresses(value).equals(Set.of("whatsapp:" + whatsapp)));

        admin(http.get().uri("/admin/v1/orgs/" + orgId)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.numbers.length()").isEqualTo(1)
                .jsonPath("$.settings.helpText").isEqualTo("Reply STOP to opt out.");
    }

    @Test
    void aNumberBelongsToOneOrgOnly() {
        String first = createOrg("First");
        String second = createOrg("Second");
        String number = uniqueNumber();

        addNumber(first, "sms", number).expectStatus().isCreated();
        problem(addNumber(second, "sms", number), 409, "Conflict");
        problem(addNumber(first, "sms", number), 409, "Conflict");
        // the WhatsApp sender on the same phone number is another address
        addNumber(second, "whatsapp", number).expectStatus().isCreated();
        problem(addNumber(first, "whatsapp", "whatsapp:" + number), 409, "Conflict");

        assertThat(jdbc.sql("SELECT org_id FROM sender_number WHERE address = ?").param(number).query(String.class).list())
                .containsExactly(first);
    }

    @Test
    void invalidInputIs422NamingTheFieldsAndChangesNothing() {
        long orgsBefore = jdbc.sql("SELECT count(*) FROM org").query(Long.class).single();
        JsonNode invalidOrg = body(admin(http.post().uri("/admin/v1/orgs")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", " ", "timeZone", "Mars/Olympus", "id", "has:colon"))
                .exchange().expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(fields(invalidOrg)).containsExactlyInAnyOrder("name", "timeZone", "id");
        assertThat(jdbc.sql("SELECT count(*) FROM org").query(Long.class).single()).isEqualTo(orgsBefore);

        String orgId = createOrg("Valid");
        assertThat(fields(body(addNumber(orgId, "sms", "5551234").expectStatus().isEqualTo(422)))).containsExactly("address");
        assertThat(fields(body(addNumber(orgId, "fax", uniqueNumber()).expectStatus().isEqualTo(422)))).containsExactly("channel");
        assertThat(fields(body(admin(http.post().uri("/admin/v1/orgs/" + orgId + "/api-keys")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("requestsPerSecond", 5)).exchange().expectStatus().isEqualTo(422)))).containsExactly("burst");
        assertThat(fields(body(admin(http.patch().uri("/admin/v1/orgs/" + orgId)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "deleted")).exchange().expectStatus().isEqualTo(422)))).containsExactly("status");
        assertThat(fields(body(admin(http.get().uri("/admin/v1/orgs?size=0")).exchange().expectStatus().isEqualTo(422))))
                .containsExactly("size");
        assertThat(jdbc.sql("SELECT count(*) FROM sender_number WHERE org_id = ?").param(orgId).query(Long.class).single()).isZero();

        problem(admin(http.post().uri("/admin/v1/orgs")).contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
                .exchange(), 400, "Unreadable request");
    }

    @Test
    void unknownOrgsAre404AndDuplicateIds409() {
        problem(admin(http.get().uri("/admin/v1/orgs/no-such-org")).exchange(), 404, "Not found");
        problem(addNumber("no-such-org", "sms", uniqueNumber()), 404, "Not found");
        problem(admin(http.post().uri("/admin/v1/orgs/no-such-org/api-keys")).exchange(), 404, "Not found");

        String id = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        admin(http.post().uri("/admin/v1/orgs")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", id, "name", "Acme")).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.id").isEqualTo(id);
        problem(admin(http.post().uri("/admin/v1/orgs")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", id, "name", "Acme again")).exchange(), 409, "Conflict");
    }

    @Test
    void apiKeysAreShownOnceStoredHashedAndActForTheirOrg() {
        String orgId = createOrg("Keyed");
        JsonNode issued = body(admin(http.post().uri("/admin/v1/orgs/" + orgId + "/api-keys"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "crm integration"))
                .exchange().expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store"));
        String key = issued.path("key").asString();
        assertThat(key).matches("omk_[A-Za-z0-9_-]{43}");
        assertThat(issued.path("prefix").asString()).isEqualTo(key.substring(0, 12));

        String listing = new String(admin(http.get().uri("/admin/v1/orgs/" + orgId + "/api-keys")).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(listing).contains(key.substring(0, 12)).contains("crm integration").doesNotContain(key)
                .doesNotContain("\"key\"");

        assertThat(DatabaseText.tablesContaining(jdbc, key)).isEmpty();
        assertThat(DatabaseText.tablesContaining(jdbc, key.substring(12))).isEmpty();
        assertThat(DatabaseText.tablesContaining(jdbc, ORG_KEY)).isEmpty();
        assertThat(jdbc.sql("SELECT key_hash FROM api_key WHERE org_id = ?").param(orgId).query(String.class).single())
                .isEqualTo(ApiKeySecrets.hash(key));

        ApiKeyPrincipal principal = authenticator.authenticate(key).block().orElseThrow();
        assertThat(principal.orgId()).isEqualTo(orgId);

        admin(http.delete().uri("/admin/v1/orgs/" + orgId + "/api-keys/" + issued.path("id").asString())).exchange()
                .expectStatus().isNoContent();
        assertThat(authenticator.authenticate(key).block()).isEmpty();
        admin(http.get().uri("/admin/v1/orgs/" + orgId + "/api-keys")).exchange().expectBody()
                .jsonPath("$.items[0].revokedAt").exists();
    }

    @Test
    void theOrgListIsPaginated() {
        createOrg("Paged one");
        createOrg("Paged two");
        JsonNode page = body(admin(http.get().uri("/admin/v1/orgs?page=1&size=1")).exchange().expectStatus().isOk());
        assertThat(page.path("items").size()).isEqualTo(1);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.path("totalItems").asLong()).isGreaterThanOrEqualTo(3);
    }

    private WebTestClient.RequestHeadersSpec<?> admin(WebTestClient.RequestHeadersSpec<?> request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY);
    }

    private WebTestClient.RequestBodySpec admin(WebTestClient.RequestBodySpec request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY);
    }

    private String createOrg(String name) {
        return body(admin(http.post().uri("/admin/v1/orgs")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name)).exchange().expectStatus().isCreated()).path("id").asString();
    }

    private WebTestClient.ResponseSpec addNumber(String orgId, String channel, String address) {
        return admin(http.post().uri("/admin/v1/orgs/" + orgId + "/numbers")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", channel, "address", address)).exchange();
    }

    private static JsonNode body(WebTestClient.ResponseSpec response) {
        return JSON.readTree(response.expectBody().returnResult().getResponseBody());
    }

    private static void problem(WebTestClient.ResponseSpec response, int status, String title) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status).jsonPath("$.title").isEqualTo(title)
                .jsonPath("$.detail").exists();
    }

    private static Set<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(error -> error.path("field").asString()).collect(Collectors.toSet());
    }

    private static Set<String> addresses(JsonNode tenant) {
        return StreamSupport.stream(tenant.path("senderNumbers").spliterator(), false)
                .map(number -> number.path("address").asString()).collect(Collectors.toSet());
    }

    private static String uniqueNumber() {
        return "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
    }
}
