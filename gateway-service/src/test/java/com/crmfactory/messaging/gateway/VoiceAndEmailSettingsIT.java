package com.crmfactory.messaging.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.crmfactory.messaging.testsupport.RealInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10's org settings through the admin API: e-mail addresses join the org's numbers, the voice greeting,
 * voice SMS replies and the SendGrid public key are org settings, the inbound e-mail token is shown once and
 * only its SHA-256 is stored and published on {@code platform.tenants.v1}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.admin.api-key=" + VoiceAndEmailSettingsIT.ADMIN_KEY,
        "platform.bootstrap.api-key=voice-email-it-default-org-key-0123456789"})
@RealInfrastructure
class VoiceAndEmailSettingsIT {

    static final String ADMIN_KEY = "voice-email-it-admin-key-0123456789";
    private static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void emailAddressesVoiceSettingsAndTheEmailTokenArePublishedWithoutTheToken() throws Exception {
        String orgId = body(admin(http.post().uri("/admin/v1/orgs")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Voice and Mail")).exchange().expectStatus().isCreated()).path("id").asString();
        String address = "Support+" + System.nanoTime() + "@Acme.example";

        admin(http.post().uri("/admin/v1/orgs/" + orgId + "/numbers")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "email", "address", address)).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.channel").isEqualTo("email").jsonPath("$.address").isEqualTo(address.toLowerCase())
                .jsonPath("$.type").doesNotExist();
        admin(http.post().uri("/admin/v1/orgs/" + orgId + "/numbers")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "email", "address", "not-an-address")).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("address");

        String publicKey = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("EC").generateKeyPair()
                .getPublic().getEncoded());
        admin(http.patch().uri("/admin/v1/orgs/" + orgId)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("voiceGreeting", "Hi, you reached Voice and Mail.", "voiceSmsReplies", false,
                        "emailSignaturePublicKey", publicKey))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.settings.voiceGreeting").isEqualTo("Hi, you reached Voice and Mail.")
                .jsonPath("$.settings.voiceSmsReplies").isEqualTo(false);
        admin(http.patch().uri("/admin/v1/orgs/" + orgId)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("emailSignaturePublicKey", "bm90IGEga2V5")).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("emailSignaturePublicKey");

        JsonNode issued = body(admin(http.post().uri("/admin/v1/orgs/" + orgId + "/email-inbound-token")).exchange()
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store"));
        String token = issued.path("token").asString();
        assertThat(token).startsWith("eml_").hasSizeGreaterThan(40);
        assertThat(issued.path("webhookPath").asString()).isEqualTo("/api/v1/webhooks/email/inbound/" + token);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));

        TenantTopic.Event event = TenantTopic.await(orgId, value -> hash.equals(value.path("settings")
                .path("emailInboundTokenSha256").asString(null)));
        assertThat(event.value().toString()).doesNotContain(token);
        assertThat(event.value().path("settings").path("voiceGreeting").asString()).isEqualTo("Hi, you reached Voice and Mail.");
        assertThat(event.value().path("settings").path("voiceSmsReplies").asBoolean(true)).isFalse();
        assertThat(event.value().path("settings").path("emailSignaturePublicKey").asString()).isEqualTo(publicKey);
        assertThat(event.value().path("senderNumbers").path(0).path("channel").asString()).isEqualTo("email");
        assertThat(event.value().path("senderNumbers").path(0).path("address").asString()).isEqualTo(address.toLowerCase());
        assertThat(DatabaseText.tablesContaining(jdbc, token)).as("the token is stored nowhere").isEmpty();

        admin(http.get().uri("/admin/v1/orgs/" + orgId)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.settings.emailInboundTokenSha256").isEqualTo(hash);
    }

    private WebTestClient.RequestHeadersSpec<?> admin(WebTestClient.RequestHeadersSpec<?> request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY);
    }

    private WebTestClient.RequestBodySpec admin(WebTestClient.RequestBodySpec request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY);
    }

    private static JsonNode body(WebTestClient.ResponseSpec response) {
        return JSON.readTree(response.expectBody().returnResult().getResponseBody());
    }
}
