package com.crmfactory.messaging.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.crmfactory.messaging.testsupport.RealInfrastructure;

/**
 * Without {@code PLATFORM_ADMIN_API_KEY} no admin key exists (none is generated or logged): every admin
 * request answers 503 saying why, whatever it presents, the start-up log says it once, and the org API
 * goes on working. (An empty property: it wins over a variable set on the machine running the tests.)
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.admin.api-key=",
        "platform.bootstrap.api-key=" + AdminApiDisabledIT.ORG_KEY})
@RealInfrastructure
class AdminApiDisabledIT {

    static final String ORG_KEY = "disabled-it-default-org-key-0123456789abcdef";
    static final String REASON = "admin API disabled: PLATFORM_ADMIN_API_KEY is not set";

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void everyAdminRequestIs503SayingWhy() {
        for (String authorization : new String[] {null, "Bearer some-guess-0123456789abcdef", "Bearer " + ORG_KEY, "Bearer "}) {
            for (String path : new String[] {"/admin/v1/orgs", "/admin/v1/orgs/default/api-keys"}) {
                WebTestClient.RequestHeadersSpec<?> get = http.get().uri(path);
                WebTestClient.RequestHeadersSpec<?> post = http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"name\":\"x\"}");
                for (WebTestClient.RequestHeadersSpec<?> request : java.util.List.of(get, post)) {
                    if (authorization != null) {
                        request.header(HttpHeaders.AUTHORIZATION, authorization);
                    }
                    request.exchange().expectStatus().isEqualTo(503)
                            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .expectBody().jsonPath("$.status").isEqualTo(503).jsonPath("$.detail").isEqualTo(REASON);
                }
            }
        }
        http.get().uri("/api/v1/conversations/nothing").header(HttpHeaders.AUTHORIZATION, "Bearer " + ORG_KEY).exchange()
                .expectStatus().isEqualTo(503); // the API key is accepted; the (absent) service is what is unavailable
    }

    @Test
    void theStartUpLogSaysWhyAndShowsNoKey(CapturedOutput output) {
        assertThat(output.getAll()).contains(REASON).doesNotContain("oma_").doesNotContain("shown once): oma");
    }
}
