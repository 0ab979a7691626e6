package com.crmfactory.messaging.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.crmfactory.messaging.gateway.apikey.ApiKeyService;
import com.crmfactory.messaging.gateway.apikey.ApiKeyViews;
import com.crmfactory.messaging.gateway.org.OrgRequests;
import com.crmfactory.messaging.gateway.org.OrgService;
import com.crmfactory.messaging.support.web.OrgContext;
import com.crmfactory.messaging.support.web.OrgContextToken;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public edge against a stub service that echoes what reached it: API keys, the signed org
 * context replacing whatever the client sent, tenant isolation, webhooks without keys, rate limits,
 * problem+json errors and the OpenAPI routes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.bootstrap.api-key=" + GatewayRoutingIT.DEFAULT_ORG_KEY,
        "platform.admin.api-key=" + GatewayRoutingIT.ADMIN_KEY,
        "platform.gateway.rate-limit.requests-per-second=1000",
        "platform.gateway.rate-limit.burst=1000"})
@RealInfrastructure
class GatewayRoutingIT {

    static final String DEFAULT_ORG_KEY = "routing-it-default-org-key-0123456789abcdef";
    static final String ADMIN_KEY = "routing-it-admin-key-0123456789";
    static final String CONVERSATION = "conversation-service";
    static final EchoServer services = EchoServer.start();
    static final String DOWN_SERVICE = "http://127.0.0.1:" + closedPort();
    private static final JsonMapper JSON = new JsonMapper();

    @DynamicPropertySource
    static void servicesBehindTheGateway(DynamicPropertyRegistry registry) {
        for (String service : List.of("CONVERSATION", "WEBHOOK_INGEST", "TEMPLATE", "AUTOMATION", "OUTBOUND_MESSAGING")) {
            registry.add("SERVICES_" + service + "_URL", services::url);
        }
        registry.add("SERVICES_AI_AGENT_URL", () -> DOWN_SERVICE);
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    OrgContextToken orgContext;
    @Autowired
    OrgService orgs;
    @Autowired
    ApiKeyService keys;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void withoutAKeyOrWithAWrongOneTheAnswerIs401ProblemJsonAndNothingReachesTheService() {
        int before = services.received().size();
        unauthorized(http.get().uri("/api/v1/conversations").exchange(), "Missing API key");
        unauthorized(http.get().uri("/api/v1/conversations").header(HttpHeaders.AUTHORIZATION, "Bearer omk_wrong").exchange(),
                "Invalid API key");
        unauthorized(http.get().uri("/api/v1/contacts").header(HttpHeaders.AUTHORIZATION, "Basic " + DEFAULT_ORG_KEY).exchange(),
                "Missing API key");
        // a forged org context is no credential either
        unauthorized(http.get().uri("/api/v1/conversations").header(OrgContext.HEADER, orgContext.sign("default", CONVERSATION)).exchange(),
                "Missing API key");
        assertThat(services.received()).hasSize(before);
    }

    @Test
    void theAdminKeyIsNoApiKey() {
        int before = services.received().size();
        http.get().uri("/api/v1/conversations").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Org API key required");
        assertThat(services.received()).hasSize(before);
    }

    @Test
    void aClientSuppliedOrgContextIsReplacedByOneSignedForTheKeysOrg() {
        JsonNode echo = echo(http.get().uri("/api/v1/conversations?status=active")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DEFAULT_ORG_KEY)
                .header(OrgContext.HEADER, orgContext.sign("someone-else", CONVERSATION))
                .header("X-Org-Id", "someone-else")
                .header("X-Tenant-Id", "someone-else"));

        assertThat(echo.path("path").asString()).isEqualTo("/api/v1/conversations");
        assertThat(echo.path("query").asString()).isEqualTo("status=active");
        JsonNode headers = echo.path("headers");
        assertThat(headers.path("x-org-context").size()).isEqualTo(1);
        assertThat(orgContext.verifyFor(CONVERSATION, headers.path("x-org-context").path(0).asString())).contains("default");
        assertThat(headers.has("x-org-id")).isFalse();
        assertThat(headers.has("x-tenant-id")).isFalse();
        // the key stops at the gateway
        assertThat(headers.has("authorization")).isFalse();
    }

    @Test
    void eachKeyGetsItsOwnOrgsContext() {
        String orgB = newOrg("Org B");
        String keyB = keys.issue(orgB, new ApiKeyViews.CreateRequest("b", null, null)).key();

        JsonNode asB = echo(http.get().uri("/api/v1/contacts").header(HttpHeaders.AUTHORIZATION, "Bearer " + keyB)
                .header(OrgContext.HEADER, orgContext.sign("default", CONVERSATION)));
        JsonNode asA = echo(http.get().uri("/api/v1/contacts").header(HttpHeaders.AUTHORIZATION, "Bearer " + DEFAULT_ORG_KEY)
                .header(OrgContext.HEADER, orgContext.sign(orgB, CONVERSATION)));

        assertThat(orgContext.verifyFor(CONVERSATION, asB.path("headers").path("x-org-context").path(0).asString())).contains(orgB);
        assertThat(orgContext.verifyFor(CONVERSATION, asA.path("headers").path("x-org-context").path(0).asString())).contains("default");
    }

    @Test
    void everyApiPathGoesToItsServiceWithAnOrgContextOnlyThatServiceAccepts() {
        Map<String, String> audiences = Map.of("/api/v1/conversations/s-1", CONVERSATION,
                "/api/v1/conversations/stats", CONVERSATION, "/api/v1/contacts/c-1", CONVERSATION,
                "/api/v1/message-templates", "template-service", "/api/v1/automations/a-1", "automation-service",
                "/api/v1/messages", "outbound-messaging-service");
        List<String> services = List.of(CONVERSATION, "template-service", "automation-service", "ai-agent-service",
                "outbound-messaging-service", "webhook-ingest-service");
        audiences.forEach((path, audience) -> {
            JsonNode echo = echo(http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + DEFAULT_ORG_KEY));
            assertThat(echo.path("path").asString()).isEqualTo(path);
            String token = echo.path("headers").path("x-org-context").path(0).asString();
            for (String service : services) {
                assertThat(orgContext.verifyFor(service, token)).as(path + " token at " + service)
                        .isEqualTo(service.equals(audience) ? Optional.of("default") : Optional.empty());
            }
        });
        JsonNode posted = echo(http.post().uri("/api/v1/conversations/reply")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DEFAULT_ORG_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"sessionId\":\"s-1\",\"message\":\"hi\"}"));
        assertThat(posted.path("method").asString()).isEqualTo("POST");
        assertThat(posted.path("body").asString()).isEqualTo("{\"sessionId\":\"s-1\",\"message\":\"hi\"}");
    }

    @Test
    void twilioWebhooksNeedNoKeyAndAreNotRateLimitedButLoseForgedOrgHeaders() {
        String form = "MessageSid=SM123&From=%2B15551230000&To=%2B15005550006&Body=hi";
        for (int i = 0; i < 30; i++) {
            JsonNode echo = echo(http.post().uri("/api/v1/webhooks/telephony/sms")
                    .header(OrgContext.HEADER, orgContext.sign("default", CONVERSATION))
                    .header("X-Twilio-Signature", "sig")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(form));
            assertThat(echo.path("path").asString()).isEqualTo("/api/v1/webhooks/telephony/sms");
            assertThat(echo.path("body").asString()).isEqualTo(form);
            assertThat(echo.path("headers").has("x-org-context")).isFalse();
            assertThat(echo.path("headers").path("x-twilio-signature").path(0).asString()).isEqualTo("sig");
            // lets the ingest service rebuild the URL Twilio signed
            assertThat(echo.path("headers").path("x-forwarded-host").path(0).asString()).isEqualTo("localhost:" + port);
            assertThat(echo.path("headers").path("x-forwarded-proto").path(0).asString()).isEqualTo("http");
        }
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfterWhileOtherKeysGoOn() throws InterruptedException {
        String orgId = newOrg("Limited");
        String limited = keys.issue(orgId, new ApiKeyViews.CreateRequest("limited", 1, 3)).key();
        String other = keys.issue(orgId, new ApiKeyViews.CreateRequest("other", null, null)).key();

        for (int i = 0; i < 3; i++) {
            get("/api/v1/conversations", limited).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Limit", "1");
        }
        get("/api/v1/conversations", limited).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.status").isEqualTo(429).jsonPath("$.title").isEqualTo("Too many requests");
        get("/api/v1/conversations", other).expectStatus().isOk();

        Thread.sleep(1100);
        get("/api/v1/conversations", limited).expectStatus().isOk();
    }

    @Test
    void aSuspendedOrgsKeysGet403AndARevokedKeyStopsAtOnce() {
        String orgId = newOrg("Suspendable");
        ApiKeyViews.Issued issued = keys.issue(orgId, new ApiKeyViews.CreateRequest(null, null, null));
        get("/api/v1/conversations", issued.key()).expectStatus().isOk();

        orgs.update(orgId, new OrgRequests.Update(null, "suspended", null, null, null));
        get("/api/v1/conversations", issued.key()).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Organisation suspended");

        orgs.update(orgId, new OrgRequests.Update(null, "active", null, null, null));
        get("/api/v1/conversations", issued.key()).expectStatus().isOk();

        keys.revoke(orgId, issued.id().toString());
        unauthorized(http.get().uri("/api/v1/conversations").header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.key())
                .exchange(), "Invalid API key");
    }

    @Test
    void unknownPathsAre404ProblemJson() {
        get("/api/v1/nothing-here", DEFAULT_ORG_KEY).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.instance").isEqualTo("/api/v1/nothing-here");
        http.get().uri("/nothing").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aServiceThatIsDownIs503ProblemJson() {
        get("/api/v1/agent/status", DEFAULT_ORG_KEY).expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void theServicesOpenApiDocumentsAreReachable() {
        JsonNode doc = echo(http.get().uri("/openapi/conversation"));
        assertThat(doc.path("path").asString()).isEqualTo("/v3/api-docs");
        assertThat(echo(http.get().uri("/openapi/template")).path("path").asString()).isEqualTo("/v3/api-docs");
        assertThat(echo(http.get().uri("/openapi/conversation/swagger-config")).path("path").asString())
                .isEqualTo("/v3/api-docs/swagger-config");

        http.get().uri("/openapi").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.services[?(@.name == 'conversation')].url").isEqualTo("/openapi/conversation")
                .jsonPath("$.services.length()").isEqualTo(6);
    }

    private WebTestClient.ResponseSpec get(String path, String key) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + key).exchange();
    }

    private JsonNode echo(WebTestClient.RequestHeadersSpec<?> request) {
        EntityExchangeResult<byte[]> result = request.exchange().expectStatus().isOk().expectBody().returnResult();
        return JSON.readTree(result.getResponseBody());
    }

    private static void unauthorized(WebTestClient.ResponseSpec response, String title) {
        response.expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.title").isEqualTo(title);
    }

    private String newOrg(String name) {
        return orgs.create(new OrgRequests.Create("org-" + UUID.randomUUID().toString().substring(0, 8), name, null, null,
                null)).id();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
