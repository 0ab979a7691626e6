package com.crmfactory.messaging.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import com.crmfactory.messaging.gateway.apikey.ApiKeyService;
import com.crmfactory.messaging.gateway.apikey.ApiKeyViews;
import com.crmfactory.messaging.gateway.org.OrgRequests;
import com.crmfactory.messaging.gateway.org.OrgService;
import com.crmfactory.messaging.gateway.routing.OrgContextRelay;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

/**
 * Every route the application has, enumerated from the application itself (the gateway's route definitions,
 * the controllers' request mappings), so that a route added tomorrow is covered without touching this test:
 * without credentials 401, with the wrong kind of credential 403, never forwarded; paths no rule opens are
 * refused; an org key never acts on another org's admin resources.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.admin.api-key=" + RouteAuthorizationIT.ADMIN_KEY,
        "platform.bootstrap.api-key=" + RouteAuthorizationIT.ORG_KEY,
        "platform.gateway.rate-limit.requests-per-second=10000",
        "platform.gateway.rate-limit.burst=10000"})
@RealInfrastructure
class RouteAuthorizationIT {

    static final String ADMIN_KEY = "route-it-admin-key-0123456789abcdef";
    static final String ORG_KEY = "route-it-default-org-key-0123456789abcdef";
    static final EchoServer services = EchoServer.start();
    /** Open at the gateway by design (Twilio signs the webhooks; the documents hold no org's data). */
    static final List<String> PUBLIC_PREFIXES = List.of("/api/v1/webhooks", "/openapi");
    static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    @DynamicPropertySource
    static void servicesBehindTheGateway(DynamicPropertyRegistry registry) {
        for (String service : List.of("CONVERSATION", "WEBHOOK_INGEST", "TEMPLATE", "AUTOMATION", "OUTBOUND_MESSAGING",
                "AI_AGENT")) {
            registry.add("SERVICES_" + service + "_URL", services::url);
        }
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    RouteDefinitionLocator routeDefinitions;
    @Autowired
    RouteLocator routes;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping controllers;
    @Autowired
    JdbcClient jdbc;
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
    void everyGatewayRouteOutsideThePublicOnesNeedsAnOrgKeyAndOnlyAnOrgKey() {
        List<RouteDefinition> definitions = routeDefinitions.getRouteDefinitions().collectList().block();
        // every route is a definition we can read its paths from (none hides in code)
        assertThat(definitions).hasSize(routes.getRoutes().collectList().block().size()).isNotEmpty();
        Set<String> protectedPaths = new LinkedHashSet<>();
        for (RouteDefinition route : definitions) {
            List<String> paths = pathsOf(route);
            assertThat(paths).as("route %s has a Path predicate", route.getId()).isNotEmpty();
            for (String path : paths) {
                if (!isPublic(path)) {
                    protectedPaths.add(path);
                    assertThat(path).as("route %s: a protected route is an /api/v1 route", route.getId()).startsWith("/api/v1/");
                    assertThat(route.getMetadata()).as("route %s has the audience its org context is signed for",
                            route.getId()).containsKey(OrgContextRelay.AUDIENCE);
                }
            }
        }
        assertThat(protectedPaths).hasSizeGreaterThanOrEqualTo(6);

        int before = services.received().size();
        List<String> wrong = new ArrayList<>();
        for (String path : protectedPaths) {
            for (HttpMethod method : METHODS) {
                expect(wrong, method, path, null, 401, "Missing API key");
                expect(wrong, method, path, "Bearer omk_not-a-key-0123456789", 401, "Invalid API key");
                expect(wrong, method, path, "Bearer " + ADMIN_KEY, 403, "Org API key required");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(services.received()).as("nothing was forwarded").hasSize(before);
    }

    @Test
    void everyAdminEndpointNeedsTheAdminKeyAndOnlyTheAdminKey() {
        Map<String, Long> before = rows();
        List<String> wrong = new ArrayList<>();
        int admin = 0;
        for (RequestMappingInfo mapping : controllers.getHandlerMethods().keySet()) {
            Set<HttpMethod> methods = mapping.getMethodsCondition().getMethods().stream()
                    .map(m -> HttpMethod.valueOf(m.name())).collect(java.util.stream.Collectors.toSet());
            for (PathPattern pattern : mapping.getPatternsCondition().getPatterns()) {
                String path = concrete(pattern.getPatternString());
                if (isPublic(path)) {
                    continue;
                }
                if (path.startsWith("/api/v1/")) {
                    // the signed-in agent's own endpoints (/api/v1/me, /api/v1/agents): the API chain's rule
                    for (HttpMethod method : methods.isEmpty() ? Set.copyOf(METHODS) : methods) {
                        expect(wrong, method, path, null, 401, "Missing API key");
                        expect(wrong, method, path, "Bearer " + ADMIN_KEY, 403, "Org API key required");
                    }
                    continue;
                }
                assertThat(path).as("a gateway controller outside /admin/v1 needs its own security rule").startsWith("/admin/v1/");
                for (HttpMethod method : methods.isEmpty() ? Set.copyOf(METHODS) : methods) {
                    admin++;
                    expect(wrong, method, path, null, 401, "Missing admin key");
                    expect(wrong, method, path, "Bearer wrong-admin-key-0123456789", 401, "Invalid admin key");
                    expect(wrong, method, path, "Bearer " + ORG_KEY, 403, "Admin key required");
                }
            }
        }
        assertThat(admin).as("admin endpoints found").isGreaterThanOrEqualTo(10);
        assertThat(wrong).isEmpty();
        assertThat(rows()).as("nothing was created").isEqualTo(before);
    }

    @Test
    void pathsNoRuleOpensAreRefusedAndNeverRouted() {
        int before = services.received().size();
        // GET / is the web inbox's page (InboxFilesIT); nothing else at the root is served
        for (String path : List.of("/index.html", "/internal/x", "/actuator/env", "/actuator/prometheus", "/actuator",
                "/actuator/health", "/v3/api-docs", "/admin", "/admin/v2/orgs", "/api", "/api/v2/conversations",
                "/conversations", "/api/v1")) {
            for (String authorization : List.of("", "Bearer " + ORG_KEY, "Bearer " + ADMIN_KEY)) {
                WebTestClient.RequestHeadersSpec<?> request = http.get().uri(path);
                if (!authorization.isEmpty()) {
                    request = request.header(HttpHeaders.AUTHORIZATION, authorization);
                }
                int status = request.exchange().expectBody().returnResult().getStatus().value();
                assertThat(status).as(path + " " + authorization).isIn(401, 403, 404);
            }
        }
        assertThat(services.received()).hasSize(before);
    }

    @Test
    void anOrgKeyActsOnlyForItsOwnOrg() {
        String orgB = orgs.create(new OrgRequests.Create("route-b-" + System.nanoTime(), "B", null, null, null)).id();
        String keyB = keys.issue(orgB, new ApiKeyViews.CreateRequest("b", null, null)).key();
        Map<String, Long> before = rows();

        // admin resources, its own org's or another's: never with an org key
        for (String path : List.of("/admin/v1/orgs/" + orgB, "/admin/v1/orgs/default", "/admin/v1/orgs/default/api-keys",
                "/admin/v1/orgs/" + orgB + "/api-keys")) {
            http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + keyB).exchange().expectStatus().isForbidden();
        }
        http.post().uri("/admin/v1/orgs/default/api-keys").header(HttpHeaders.AUTHORIZATION, "Bearer " + keyB)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"steal\"}").exchange().expectStatus().isForbidden();
        assertThat(rows()).isEqualTo(before);

        // the API: whatever the client says, the service is told the key's org
        byte[] echo = http.get().uri("/api/v1/conversations?orgId=default").header(HttpHeaders.AUTHORIZATION, "Bearer " + keyB)
                .header("X-Org-Id", "default").exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        EchoServer.Received received = services.received().get(services.received().size() - 1);
        assertThat(echo).isNotNull();
        assertThat(received.header("x-org-id")).isNull();
        assertThat(orgContextOrg(received)).isEqualTo(orgB);
    }

    @Autowired
    com.crmfactory.messaging.support.web.OrgContextToken orgContext;

    private String orgContextOrg(EchoServer.Received received) {
        return orgContext.verifyFor("conversation-service", received.header("x-org-context")).orElseThrow();
    }

    private void expect(List<String> wrong, HttpMethod method, String path, String authorization, int status, String title) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(path);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\",\"channel\":\"sms\",\"address\":\"+15555550143\"}");
        }
        var result = request.exchange().expectBody(String.class).returnResult();
        String body = String.valueOf(result.getResponseBody());
        MediaType type = result.getResponseHeaders().getContentType();
        if (result.getStatus().value() != status || type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                || !body.contains("\"title\":\"" + title + "\"")) {
            wrong.add(method + " " + path + (authorization == null ? "" : " [" + authorization.substring(0, 12) + "…]")
                    + " -> " + result.getStatus().value() + " " + body);
        }
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String table : List.of("org", "api_key", "sender_number")) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return rows;
    }

    private static List<String> pathsOf(RouteDefinition route) {
        return route.getPredicates().stream().filter(predicate -> predicate.getName().equals("Path"))
                .flatMap(predicate -> predicate.getArgs().values().stream())
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip)
                .map(RouteAuthorizationIT::concrete)
                .toList();
    }

    /** A request path matching the pattern: variables and wildcards filled in. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "x1").replace("/**", "/x1").replace("/*", "/x1");
    }

    private static boolean isPublic(String path) {
        return PUBLIC_PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
