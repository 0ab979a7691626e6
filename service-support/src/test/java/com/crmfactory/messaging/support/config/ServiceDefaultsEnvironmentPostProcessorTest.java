package com.crmfactory.messaging.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Actuator's port follows the service's: + 1000, random with a random service port, an explicit one wins; no Spring Security
 * observations (issue 16).
 */
class ServiceDefaultsEnvironmentPostProcessorTest {

    @Test
    void theManagementPortIsTheServicePortPlus1000() {
        assertThat(managementPort(Map.of("server.port", "8082"))).isEqualTo("9082");
        assertThat(managementPort(Map.of())).as("Boot's default 8080").isEqualTo("9080");
    }

    @Test
    void aRandomServicePortGetsARandomManagementPort() {
        assertThat(managementPort(Map.of("server.port", "0"))).isEqualTo("0");
    }

    @Test
    void anExplicitManagementPortWins() {
        assertThat(managementPort(Map.of("server.port", "8082", "management.server.port", "7000"))).isEqualTo("7000");
    }

    @Test
    void theProbesStayOnThePublicPortWithoutDetails() {
        StandardEnvironment environment = processed(Map.of());
        for (String probe : new String[] {"liveness", "readiness"}) {
            String group = "management.endpoint.health.group." + probe;
            assertThat(environment.getProperty(group + ".additional-path")).isEqualTo(probe.equals("liveness") ? "server:/livez" : "server:/readyz");
            assertThat(environment.getProperty(group + ".show-details")).isEqualTo("never");
        }
        assertThat(environment.getProperty("management.endpoint.env.show-values")).isEqualTo("never");
    }

    @Test
    void springSecurityIsNotObservedPerFilter() {
        assertThat(processed(Map.of()).getProperty("management.observations.enable.spring.security")).isEqualTo("false");
    }

    private static String managementPort(Map<String, Object> properties) {
        return processed(properties).getProperty("management.server.port");
    }

    private static StandardEnvironment processed(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
