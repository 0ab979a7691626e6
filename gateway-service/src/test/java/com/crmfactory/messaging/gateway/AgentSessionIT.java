package com.crmfactory.messaging.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.crmfactory.messaging.support.web.OrgContext;
import com.crmfactory.messaging.support.web.OrgContextToken;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agent accounts and the web inbox's session, against a stub service: accounts created by the admin API (bcrypt
 * hash, never the password), sign-in with the CSRF token only, the session cookie's attributes, the agent's
 * requests carrying a v3 org context (org + agent) to the service, cookie writes refused without the CSRF token
 * while API-key writes need none, each org's agent acting for its own org only, org admins creating agents,
 * throttling after repeated failures, and logout ending the session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.admin.api-key=" + AgentSessionIT.ADMIN_KEY,
        "platform.bootstrap.api-key=" + AgentSessionIT.ORG_KEY})
@RealInfrastructure
class AgentSessionIT {

    static final String ADMIN_KEY = "agents-it-admin-key-0123456789";
    static final String ORG_KEY = "agents-it-default-org-key-0123456789abcdef";
    static final String PASSWORD = "correct horse battery";
    static final JsonMapper JSON = new JsonMapper();
    static final EchoServer services = EchoServer.start();

    @DynamicPropertySource
    static void servicesBehindTheGateway(DynamicPropertyRegistry registry) {
        registry.add("SERVICES_CONVERSATION_URL", services::url);
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
    JdbcClient jdbc;

    @Test
    void anAdminCreatesAgentsWhosePasswordsAreStoredOnlyAsBcryptHashes() throws Exception {
        String email = unique("anna");
        HttpResponse<String> created = admin("POST", "/admin/v1/orgs/default/agents",
                Map.of("email", email, "displayName", "Anna", "role", "admin", "password", PASSWORD));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode agent = JSON.readTree(created.body());
        assertThat(agent.path("role").asString()).isEqualTo("admin");
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("password");
        assertThat(jdbc.sql("SELECT password_hash FROM agent WHERE id = ?").param(UUID.fromString(agent.path("id").asString()))
                .query(String.class).single()).startsWith("{bcrypt}$2");
        assertThat(DatabaseText.tablesContaining(jdbc, PASSWORD)).isEmpty();

        assertThat(admin("POST", "/admin/v1/orgs/default/agents",
                Map.of("email", email.toUpperCase(), "displayName", "Twin", "password", PASSWORD)).statusCode()).isEqualTo(409);
        HttpResponse<String> invalid = admin("POST", "/admin/v1/orgs/default/agents",
                Map.of("email", "not-an-address", "displayName", "", "role", "boss", "password", "short"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("\"email\"", "\"displayName\"", "\"role\"", "\"password\"");
        assertThat(admin("POST", "/admin/v1/orgs/no-such-org/agents",
                Map.of("email", unique("x"), "displayName", "X", "password", PASSWORD)).statusCode()).isEqualTo(404);
        HttpResponse<String> orgKeyOnAdmin = send(HttpRequest.newBuilder(uri("/admin/v1/orgs/default/agents"))
                .header("Authorization", "Bearer " + ORG_KEY).GET(), HttpClient.newHttpClient());
        assertThat(orgKeyOnAdmin.statusCode()).isEqualTo(403);
        assertThat(admin("GET", "/admin/v1/orgs/default/agents", null).body()).contains(email).doesNotContain("{bcrypt}");
    }

    @Test
    void anAgentSignsInWithTheCsrfTokenAndActsForItsOrgWithItsIdCarriedToTheService() throws Exception {
        String email = unique("ben");
        String agentId = createAgent("default", email, "agent");
        Browser browser = new Browser();

        HttpResponse<String> anonymous = browser.get("/api/v1/me");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(browser.cookie("XSRF-TOKEN")).isNotNull();

        assertThat(browser.login(email, PASSWORD, false).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(browser.login(email, "wrong password!", true).statusCode()).isEqualTo(401);
        HttpResponse<String> signedIn = browser.login(email, PASSWORD, true);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(signedIn.body()).path("id").asString()).isEqualTo(agentId);
        String sessionCookie = signedIn.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure"); // plain http here; https sets Secure

        JsonNode me = JSON.readTree(browser.get("/api/v1/me").body());
        assertThat(me.path("email").asString()).isEqualTo(email);
        assertThat(me.path("orgId").asString()).isEqualTo("default");

        int before = services.received().size();
        HttpResponse<String> list = browser.get("/api/v1/conversations");
        assertThat(list.statusCode()).isEqualTo(200);
        EchoServer.Received forwarded = services.received().get(services.received().size() - 1);
        assertThat(forwarded.header("cookie")).as("the gateway's cookies never reach a service").isNull();
        OrgContextToken.Claims claims = orgContext.verifyClaims("conversation-service", forwarded.header(OrgContext.HEADER)).orElseThrow();
        assertThat(claims.orgId()).isEqualTo("default");
        assertThat(claims.agentId()).contains(agentId);

        // a cookie write without the token is refused before routing; with it, it goes through
        HttpResponse<String> forged = browser.post("/api/v1/conversations/reply", "{\"sessionId\":\"x\",\"message\":\"hi\"}", false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(services.received()).hasSize(before + 1);
        assertThat(browser.post("/api/v1/conversations/reply", "{\"sessionId\":\"x\",\"message\":\"hi\"}", true).statusCode())
                .isEqualTo(200);
        assertThat(services.received()).hasSize(before + 2);

        // API keys keep working without any CSRF token, and carry no agent
        HttpResponse<String> withKey = send(HttpRequest.newBuilder(uri("/api/v1/conversations/reply"))
                .header("Authorization", "Bearer " + ORG_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")), HttpClient.newHttpClient());
        assertThat(withKey.statusCode()).isEqualTo(200);
        EchoServer.Received keyed = services.received().get(services.received().size() - 1);
        assertThat(orgContext.verifyClaims("conversation-service", keyed.header(OrgContext.HEADER)).orElseThrow().agentId()).isEmpty();

        // logout ends the session: the cookie no longer opens the API
        assertThat(browser.post("/logout", "", true).statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/v1/conversations").statusCode()).isEqualTo(401);
    }

    @Test
    void anotherOrgsAgentActsForItsOwnOrgOnly() throws Exception {
        String orgId = "agents-org-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin("POST", "/admin/v1/orgs", Map.of("id", orgId, "name", "Other")).statusCode()).isEqualTo(201);
        String email = unique("carla");
        String agentId = createAgent(orgId, email, "agent");
        Browser browser = new Browser();
        browser.get("/api/v1/me");
        assertThat(browser.login(email, PASSWORD, true).statusCode()).isEqualTo(200);
        browser.get("/api/v1/contacts");
        EchoServer.Received forwarded = services.received().get(services.received().size() - 1);
        OrgContextToken.Claims claims = orgContext.verifyClaims("conversation-service", forwarded.header(OrgContext.HEADER)).orElseThrow();
        assertThat(claims.orgId()).isEqualTo(orgId);
        assertThat(claims.agentId()).contains(agentId);
        // its colleagues are its own org's agents only
        String colleagues = browser.get("/api/v1/agents").body();
        assertThat(colleagues).contains(agentId).doesNotContain("\"default\"");
        assertThat(JSON.readTree(colleagues).path("items")).hasSize(1);
        // a plain agent cannot create agents
        assertThat(browser.post("/api/v1/agents", JSON.writeValueAsString(Map.of("email", unique("d"), "displayName", "D",
                "password", PASSWORD)), true).statusCode()).isEqualTo(403);
    }

    @Test
    void anOrgAdminCreatesAgentsInItsOwnOrgFromTheInbox() throws Exception {
        String email = unique("admin");
        createAgent("default", email, "admin");
        Browser browser = new Browser();
        browser.get("/api/v1/me");
        assertThat(browser.login(email, PASSWORD, true).statusCode()).isEqualTo(200);
        String newEmail = unique("dora");
        HttpResponse<String> created = browser.post("/api/v1/agents", JSON.writeValueAsString(Map.of("email", newEmail,
                "displayName", "Dora", "role", "agent", "password", PASSWORD, "orgId", "someone-else")), true);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("orgId").asString()).isEqualTo("default");
        assertThat(new Browser().loginFresh(newEmail, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void repeatedFailuresThrottleTheAccount() throws Exception {
        String email = unique("eve");
        createAgent("default", email, "agent");
        Browser browser = new Browser();
        browser.get("/api/v1/me");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.login(email, "wrong password " + i, true).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = browser.login(email, PASSWORD, true);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("retry-after")).isPresent();
        assertThat(throttled.headers().firstValue("content-type").orElseThrow()).contains("problem+json");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void nothingElseIsServedUnderTheLoginPaths() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.get("/login").statusCode()).isEqualTo(404);
        assertThat(browser.get("/logout").statusCode()).isEqualTo(404);
    }

    // ---- helpers ----

    String createAgent(String orgId, String email, String role) throws Exception {
        HttpResponse<String> created = admin("POST", "/admin/v1/orgs/" + orgId + "/agents",
                Map.of("email", email, "displayName", email.substring(0, email.indexOf('@')), "role", role, "password", PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    HttpResponse<String> admin(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send(request, HttpClient.newHttpClient());
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static HttpResponse<String> send(HttpRequest.Builder request, HttpClient client) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser's cookie jar and the inbox script's habits (the CSRF cookie's value sent back as X-XSRF-TOKEN). */
    final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).GET(), client);
        }

        HttpResponse<String> post(String path, String json, boolean withToken) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (withToken) {
                request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
            }
            return send(request, client);
        }

        HttpResponse<String> login(String email, String password, boolean withToken) throws Exception {
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
            if (withToken) {
                request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
            }
            return send(request, client);
        }

        HttpResponse<String> loginFresh(String email, String password) throws Exception {
            get("/api/v1/me");
            return login(email, password, true);
        }
    }

}
