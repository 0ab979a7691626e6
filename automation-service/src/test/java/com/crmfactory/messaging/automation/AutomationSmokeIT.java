package com.crmfactory.messaging.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import com.crmfactory.messaging.testsupport.RealInfrastructure;
import com.crmfactory.messaging.testsupport.ServiceSmokeChecks;

/** The service boots against a real broker and PostgreSQL, with probes, metrics and its topics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AutomationSmokeIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void bootsWithPublicProbesActuatorOnItsOwnPortAndTopics() {
        ServiceSmokeChecks service = new ServiceSmokeChecks(port, managementPort);
        service.probesAreUp();
        service.livenessDoesNotDependOnInfrastructure();
        service.prometheusIsScraped("automation-service");
        service.actuatorIsOnlyOnTheManagementPort();
        service.openApiIsPublished();
        service.topicsExist(Map.of(
                "messaging.outbound.requests.v1", 12,
                "conversation.commands.v1", 12,
                "automation-service.dlt.messaging.inbound.v1", 1,
                "automation-service.dlt.conversation.events.v1", 1,
                "automation-service.dlt.messaging.outbound.results.v1", 1,
                "automation-service.dlt.erp.order-status.v1", 1));
    }

    @Test
    void itsOwnDatabaseIsMigratedByFlyway() {
        assertThat(jdbc.queryForObject("SELECT name FROM service_info", String.class)).isEqualTo("automation-service");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_event", Integer.class)).isZero();
    }
}
