package com.crmfactory.messaging.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.crmfactory.messaging.gateway.apikey.ApiKeySecrets;
import com.crmfactory.messaging.support.web.OrgContextToken;
import com.crmfactory.messaging.testsupport.Infrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default org on an empty database, across a real restart: two gateway processes (application
 * contexts) one after the other on the same database, the real broker and PostgreSQL of the test JVM.
 * Started by hand rather than with {@code @SpringBootTest}, because the restart is the point.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapIT {

    static final String SMS_NUMBER = "+15005550199";
    static final String WHATSAPP_NUMBER = "+14155550199";
    static final EchoServer services = EchoServer.start();
    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path dir;

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @Test
    void createsTheDefaultOrgWithItsNumbersAndPrintsItsKeyOnceNeverAgainAfterARestart(CapturedOutput output) throws Exception {
        String database = Infrastructure.get().createDatabase("BootstrapIT");
        Path keyFile = dir.resolve("secrets/default-api-key");
        String key;
        try (ConfigurableApplicationContext first = start(database, keyFile)) {
            key = Files.readString(keyFile).strip();
            assertThat(key).matches("omk_[A-Za-z0-9_-]{43}");
            assertThat(output.getAll()).contains("Default org 'default' created with a generated API key, not logged: it is in "
                    + keyFile).doesNotContain(key).doesNotContain(key.substring(12));

            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT id FROM org").query(String.class).list()).containsExactly("default");
            assertThat(jdbc.sql("SELECT channel || ' ' || address FROM sender_number ORDER BY channel").query(String.class).list())
                    .containsExactly("sms " + SMS_NUMBER, "whatsapp whatsapp:" + WHATSAPP_NUMBER);
            // at rest only the hash and a short prefix: neither the key nor its secret part is anywhere
            assertThat(jdbc.sql("SELECT key_hash FROM api_key").query(String.class).list()).containsExactly(ApiKeySecrets.hash(key));
            assertThat(DatabaseText.tablesContaining(jdbc, key)).isEmpty();
            assertThat(DatabaseText.tablesContaining(jdbc, key.substring(12))).isEmpty();

            assertThat(orgReachingTheService(first, key)).isEqualTo("default");

            TenantTopic.Event event = TenantTopic.await("default", value -> numbers(value).equals(
                    Set.of(SMS_NUMBER, "whatsapp:" + WHATSAPP_NUMBER)));
            assertThat(event.ceType()).isEqualTo("com.crmfactory.messaging.tenant.tenant-upserted.v1");
            assertThat(event.raw()).doesNotContain(key);
        }
        Files.delete(keyFile);

        try (ConfigurableApplicationContext restarted = start(database, keyFile)) {
            assertThat(output.getAll()).contains("Orgs exist: no default org created");
            assertThat(output.getAll()).as("the key is never printed").doesNotContain(key.substring(12));
            assertThat(keyFile).doesNotExist();
            JdbcClient jdbc = restarted.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM org").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM api_key").query(Long.class).single()).isEqualTo(1);
            assertThat(orgReachingTheService(restarted, key)).isEqualTo("default");
        }
    }

    private static ConfigurableApplicationContext start(String database, Path keyFile) {
        Infrastructure infrastructure = Infrastructure.get();
        // command-line arguments: they win over any PLATFORM_* variable of the machine running the tests
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + infrastructure.postgres().username(),
                "--spring.datasource.password=" + infrastructure.postgres().password(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--PLATFORM_TWILIO_SMS_NUMBER=" + SMS_NUMBER,
                "--PLATFORM_TWILIO_WHATSAPP_NUMBER=" + WHATSAPP_NUMBER,
                "--platform.bootstrap.api-key-file=" + keyFile,
                "--platform.admin.api-key=bootstrap-it-admin-key-0123456789",
                "--platform.org-context.secret=bootstrap-it-org-context-secret-0123456789",
                "--SERVICES_CONVERSATION_URL=" + services.url());
    }

    /** The org the service behind the gateway is told about, for a request with this key. */
    private static String orgReachingTheService(ConfigurableApplicationContext gateway, String key) {
        WebTestClient http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(60)).build();
        byte[] body = http.get().uri("/api/v1/conversations").header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        String token = JSON.readTree(body).path("headers").path("x-org-context").path(0).asString();
        return gateway.getBean(OrgContextToken.class).verifyFor("conversation-service", token).orElseThrow();
    }

    private static Set<String> numbers(JsonNode tenant) {
        List<String> addresses = StreamSupport.stream(tenant.path("senderNumbers").spliterator(), false)
                .map(number -> number.path("address").asString()).toList();
        return Set.copyOf(addresses);
    }
}
