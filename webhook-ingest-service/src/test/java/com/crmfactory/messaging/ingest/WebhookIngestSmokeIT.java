package com.crmfactory.messaging.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.crmfactory.messaging.testsupport.RealInfrastructure;
import com.crmfactory.messaging.testsupport.ServiceSmokeChecks;

/** The service boots against a real broker and PostgreSQL, with probes, metrics and its topics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = false)
class WebhookIngestSmokeIT {

    @LocalServerPort
    int port;

    @Test
    void bootsWithProbesMetricsAndTopics() {
        ServiceSmokeChecks service = new ServiceSmokeChecks(port);
        service.probesAreUp();
        service.livenessDoesNotDependOnInfrastructure();
        service.prometheusIsScraped("webhook-ingest-service");
        service.topicsExist(Map.of(
                "messaging.inbound.v1", 12,
                "messaging.delivery-status.v1", 12,
                "webhook-ingest-service.dlt.platform.tenants.v1", 1));
    }
}
