package com.crmfactory.messaging.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.crmfactory.messaging.testsupport.RealInfrastructure;

/**
 * The browser-facing headers on every kind of gateway answer (its own, a service's, a refusal, the
 * firewall's), and no CORS by default: a page on another origin can neither read an answer nor pass a
 * preflight.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.admin.api-key=headers-it-admin-key-0123456789",
        "platform.bootstrap.api-key=" + EdgeHeadersIT.ORG_KEY})
@RealInfrastructure
class EdgeHeadersIT {

    static final String ORG_KEY = "headers-it-default-org-key-0123456789abcdef";
    static final String FOREIGN_ORIGIN = "https://evil.example";
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

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void everyAnswerCarriesTheBrowserHeaders() {
        List<WebTestClient.ResponseSpec> answers = List.of(
                http.get().uri("/openapi").exchange(),                                           // the gateway's own
                http.get().uri("/api/v1/conversations").header(HttpHeaders.AUTHORIZATION, "Bearer " + ORG_KEY).exchange(), // a service's
                http.get().uri("/api/v1/conversations").exchange(),                              // 401
                http.get().uri("/admin/v1/orgs").header(HttpHeaders.AUTHORIZATION, "Bearer " + ORG_KEY).exchange(), // 403
                http.get().uri("/nothing-here").exchange(),                                      // no rule: 404
                http.get().uri("/actuator/health/liveness").exchange());                         // a probe
        for (WebTestClient.ResponseSpec answer : answers) {
            answer.expectHeader().valueEquals("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                    + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY");
        }
        RawHttp.Response refused = RawHttp.send(port, "GET", "/admin;x/v1/orgs", null, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(refused.header("x-content-type-options")).isEqualTo("nosniff");
    }

    @Test
    void noCorsUnlessConfigured() {
        http.get().uri("/api/v1/conversations").header(HttpHeaders.AUTHORIZATION, "Bearer " + ORG_KEY)
                .header(HttpHeaders.ORIGIN, FOREIGN_ORIGIN).exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        http.get().uri("/openapi").header(HttpHeaders.ORIGIN, FOREIGN_ORIGIN).exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        for (String path : List.of("/api/v1/conversations", "/admin/v1/orgs", "/openapi")) {
            var preflight = http.options().uri(path).header(HttpHeaders.ORIGIN, FOREIGN_ORIGIN)
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                    .exchange().expectBody().returnResult();
            assertThat(preflight.getResponseHeaders().getAccessControlAllowOrigin()).as(path).isNull();
            assertThat(preflight.getResponseHeaders().getAccessControlAllowMethods()).as(path).isEmpty();
        }
    }
}
