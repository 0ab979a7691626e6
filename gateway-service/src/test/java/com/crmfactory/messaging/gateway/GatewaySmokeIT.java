package com.crmfactory.messaging.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.crmfactory.messaging.testsupport.RealInfrastructure;
import com.crmfactory.messaging.testsupport.ServiceSmokeChecks;

/** The service boots against a real broker and PostgreSQL, with probes, metrics and its topics. */
// without the default org, so the outbox stays empty (BootstrapIT covers the bootstrap)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "platform.bootstrap.enabled=false")
@RealInfrastructure
class GatewaySmokeIT {

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
        service.prometheusIsScraped("gateway-service");
        service.actuatorIsOnlyOnTheManagementPort();
        service.topicsExist(Map.of(
                "platform.tenants.v1", 3));
    }

    @Test
    void itsOwnDatabaseIsMigratedByFlyway() {
        assertThat(jdbc.queryForObject("SELECT name FROM service_info", String.class)).isEqualTo("gateway-service");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_event", Integer.class)).isZero();
    }
}
