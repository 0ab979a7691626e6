package com.crmfactory.messaging.gateway.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.crmfactory.messaging.support.web.ErpWebhookSecret;
import com.crmfactory.messaging.testsupport.RealInfrastructure;

/**
 * The admin key sees an org's derived ERP webhook secret (the one webhook-ingest-service verifies with) and how
 * to sign; an org API key or no key sees nothing; an unknown org is 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.admin.api-key=" + ErpWebhookSecretIT.ADMIN_KEY,
        "platform.bootstrap.api-key=" + ErpWebhookSecretIT.ORG_KEY,
        "platform.erp-webhook.secret=" + ErpWebhookSecretIT.MASTER})
@RealInfrastructure
class ErpWebhookSecretIT {

    static final String ADMIN_KEY = "erp-secret-it-admin-key-0123456789";
    static final String ORG_KEY = "erp-secret-it-default-org-key-0123456789";
    static final String MASTER = "erp-secret-it-master-0123456789abcdef";

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void theAdminSeesTheDerivedSecretAndHowToSign() {
        String orgId = "erp-org-" + System.nanoTime();
        http.post().uri("/admin/v1/orgs").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("id", orgId, "name", "ERP Org"))
                .exchange().expectStatus().isCreated();

        http.get().uri("/admin/v1/orgs/" + orgId + "/erp-webhook-secret").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody()
                .jsonPath("$.orgId").isEqualTo(orgId)
                .jsonPath("$.secret").isEqualTo(ErpWebhookSecret.derive(MASTER, orgId))
                .jsonPath("$.algorithm").isEqualTo("HMAC-SHA256")
                .jsonPath("$.webhookPath").isEqualTo("/api/v1/webhooks/erp/order-status")
                .jsonPath("$.orgHeader").isEqualTo("X-Erp-Org-Id")
                .jsonPath("$.timestampHeader").isEqualTo("X-Timestamp")
                .jsonPath("$.signatureHeader").isEqualTo("X-Signature");
        String other = http.get().uri("/admin/v1/orgs/" + orgId + "/erp-webhook-secret")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).exchange().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(other).doesNotContain(MASTER);
    }

    @Test
    void onlyTheAdminKeySeesIt() {
        http.get().uri("/admin/v1/orgs/default/erp-webhook-secret").exchange().expectStatus().isUnauthorized();
        // an org API key is a valid credential, just not for the admin API
        http.get().uri("/admin/v1/orgs/default/erp-webhook-secret").header(HttpHeaders.AUTHORIZATION, "Bearer " + ORG_KEY)
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void anUnknownOrgIsNotFound() {
        http.get().uri("/admin/v1/orgs/no-such-org/erp-webhook-secret").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
