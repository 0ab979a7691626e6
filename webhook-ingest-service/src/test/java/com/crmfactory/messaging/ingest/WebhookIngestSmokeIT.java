package com.crmfactory.messaging.ingest;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.crmfactory.messaging.testsupport.RealInfrastructure;
import com.crmfactory.messaging.testsupport.ServiceSmokeChecks;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

/** The service boots against a real broker (it has no database), with probes, metrics and its topics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN)
@RealInfrastructure(database = false)
class WebhookIngestSmokeIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void bootsWithPublicProbesActuatorOnItsOwnPortAndTopics() {
        ServiceSmokeChecks service = new ServiceSmokeChecks(port, managementPort);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> service.get("/actuator/health/readiness").statusCode() == 200);
        service.probesAreUp();
        service.livenessDoesNotDependOnInfrastructure();
        service.prometheusIsScraped("webhook-ingest-service");
        service.actuatorIsOnlyOnTheManagementPort();
        service.openApiIsPublished();
        service.topicsExist(Map.of(
                "messaging.inbound.v1", 12,
                "messaging.delivery-status.v1", 12,
                "erp.order-status.v1", 12,
                "webhook-ingest-service.dlt.platform.tenants.v1", 1));
    }
}
