package com.crmfactory.messaging.ingest.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SenderNumber;
import com.crmfactory.messaging.events.common.SenderType;
import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.ingest.support.KafkaProbe;
import com.crmfactory.messaging.ingest.support.TenantTopic;
import com.crmfactory.messaging.ingest.support.WebhookClient;
import com.crmfactory.messaging.ingest.tenant.TenantDirectory.Owner;
import com.crmfactory.messaging.testsupport.Infrastructure;
import com.crmfactory.messaging.testsupport.RealInfrastructure;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

/**
 * The tenant directory follows {@code platform.tenants.v1} while the service runs: new orgs, changed and
 * moved numbers, suspended orgs, and records it cannot read (dead-lettered, the rest keeps working).
 * Numbers here are this class's own, so other test classes sharing the broker are not affected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN)
@RealInfrastructure(database = false)
class TenantDirectoryIT {

    private static final String SMS_NUMBER = "+15555550401";
    private static final String WHATSAPP_NUMBER = "+15555550402";

    @LocalServerPort
    int port;
    @Autowired
    TenantDirectory directory;

    private final String bootstrap = Infrastructure.get().kafkaBootstrapServers();
    private WebhookClient client;
    private KafkaProbe kafka;

    @BeforeEach
    void setUp() {
        client = new WebhookClient(port);
        kafka = new KafkaProbe(Topics.INBOUND);
        await().atMost(Duration.ofSeconds(20)).until(directory::isLoaded);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void aTenantPublishedWhileRunningIsRoutedToByItsNumbers() {
        TenantTopic.publish(bootstrap, TenantTopic.tenant("org-dir-a", TenantStatus.ACTIVE, TenantTopic.sms(SMS_NUMBER),
                // registered the way PLATFORM_TWILIO_WHATSAPP_NUMBER is written: no whatsapp: prefix
                new SenderNumber(Channel.WHATSAPP, WHATSAPP_NUMBER, SenderType.WHATSAPP, null)));
        awaitOwner(SMS_NUMBER, "org-dir-a");

        assertThat(orgOfPublished(sms(SMS_NUMBER))).isEqualTo("org-dir-a");
        assertThat(orgOfPublished(whatsapp("whatsapp:" + WHATSAPP_NUMBER))).isEqualTo("org-dir-a");
        assertThat(client.get("/actuator/health/readiness").body()).contains("\"tenantDirectory\"");
    }

    @Test
    void aNumberTheOrgNoLongerListsIs404AndAMovedNumberFollowsItsNewOrg() {
        String number = "+15555550411";
        TenantTopic.publish(bootstrap, TenantTopic.tenant("org-dir-b", TenantStatus.ACTIVE, TenantTopic.sms(number)));
        awaitOwner(number, "org-dir-b");

        TenantTopic.publish(bootstrap, TenantTopic.tenant("org-dir-b", TenantStatus.ACTIVE));
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.ownerOf(number).isEmpty());
        assertThat(client.postSigned(WebhookClient.SMS, sms(number)).statusCode()).isEqualTo(404);

        TenantTopic.publish(bootstrap, TenantTopic.tenant("org-dir-c", TenantStatus.ACTIVE, TenantTopic.sms(number)));
        awaitOwner(number, "org-dir-c");
        assertThat(orgOfPublished(sms(number))).isEqualTo("org-dir-c");
    }

    @Test
    void aSuspendedOrgGetsNoTraffic() {
        String number = "+15555550421";
        TenantTopic.publish(bootstrap, TenantTopic.tenant("org-dir-d", TenantStatus.SUSPENDED, TenantTopic.sms(number)));
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.ownerOf(number).isPresent());
        Map<TopicPartition, Long> mark = kafka.mark();

        assertThat(client.postSigned(WebhookClient.SMS, sms(number)).statusCode()).isEqualTo(404);
        assertThat(kafka.countSince(mark)).isZero();
    }

    @Test
    void anUnreadableTenantIsDeadLetteredAndTheDirectoryReadsOn() {
        String number = "+15555550431";
        try (KafkaProbe deadLetters = new KafkaProbe("webhook-ingest-service.dlt." + Topics.PLATFORM_TENANTS)) {
            Map<TopicPartition, Long> mark = deadLetters.mark();

            TenantTopic.publishUnreadable(bootstrap, "org-dir-e");
            TenantTopic.publish(bootstrap, TenantTopic.tenant("org-dir-e", TenantStatus.ACTIVE, TenantTopic.sms(number)));

            awaitOwner(number, "org-dir-e");
            // every running context of this test JVM follows the topic, so each dead-letters it once
            await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.countSince(mark) >= 1);
            assertThat(KafkaProbe.headers(deadLetters.since(mark).get(0)))
                    .containsEntry("kafka_dlt-original-topic", Topics.PLATFORM_TENANTS)
                    .containsKey("kafka_dlt-exception-message");
        }
    }

    private void awaitOwner(String address, String orgId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> directory.ownerOf(address).map(Owner::orgId), Optional.of(orgId)::equals);
    }

    private String orgOfPublished(Map<String, String> params) {
        Map<TopicPartition, Long> mark = kafka.mark();
        HttpResponse<String> response = client.postSigned(WebhookClient.SMS, params);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return KafkaProbe.header(kafka.since(mark).get(0), "org_id");
    }

    private static Map<String, String> sms(String to) {
        Map<String, String> params = new LinkedHashMap<>(TwilioFixtures.params("sms-inbound.txt"));
        params.put("To", to);
        params.put("MessageSid", "SM" + java.util.UUID.randomUUID().toString().replace("-", ""));
        return params;
    }

    private static Map<String, String> whatsapp(String to) {
        Map<String, String> params = new LinkedHashMap<>(TwilioFixtures.params("whatsapp-inbound-text.txt"));
        params.put("To", to);
        return params;
    }
}
