package com.crmfactory.messaging.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.crmfactory.messaging.ingest.support.WebhookClient;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

/**
 * No broker at all: the service still starts and stays alive, but is not ready (the tenant directory
 * cannot load), and a webhook that reaches it anyway gets 503 at once rather than a 404 that would make
 * Twilio drop the message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN,
        // port 1 (tcpmux): nothing listens, so every connection is refused at once
        "spring.kafka.bootstrap-servers=127.0.0.1:1"})
class BrokerUnreachableIT {

    @LocalServerPort
    int port;

    @Test
    void aliveButNotReadyAndWebhooksAre503() {
        WebhookClient client = new WebhookClient(port);

        assertThat(client.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = client.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(WebhookClient.json(readiness).at("/components/tenantDirectory/status").asString()).isEqualTo("DOWN");

        long started = System.nanoTime();
        HttpResponse<String> response = client.postSigned(WebhookClient.SMS, TwilioFixtures.params("sms-inbound.txt"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(WebhookClient.json(response).get("title").asString()).isEqualTo("Not ready");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }
}
