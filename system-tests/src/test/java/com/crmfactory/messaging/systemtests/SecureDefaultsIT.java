package com.crmfactory.messaging.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A service's executable jar started as in production, without the {@code local} profile, refuses to start
 * on a missing secret instead of falling back to a development value: no org-context secret, no database
 * credentials. Empty values stand for unset ones (the test JVM's own environment is inherited).
 */
class SecureDefaultsIT {

    private static final Duration EXIT = Duration.ofSeconds(90);

    @Test
    void withoutTheOrgContextSecretAServiceStopsNamingIt() throws Exception {
        Map<String, String> environment = new StackEnvironment().withDatabase("secure_defaults_secret");
        environment.put("PLATFORM_ORG_CONTEXT_SECRET", "");
        environment.put("SPRING_PROFILES_ACTIVE", "");
        try (ServiceProcess service = ServiceProcess.start("conversation-service", environment)) {
            String output = service.awaitExit(EXIT);
            assertThat(output).doesNotStartWith("exit 0").contains("PLATFORM_ORG_CONTEXT_SECRET").contains("'local' profile");
        }
    }

    @Test
    void withoutDatabaseSettingsAServiceStopsInsteadOfUsingADefaultPassword() throws Exception {
        Map<String, String> environment = new StackEnvironment().common();
        environment.put("SPRING_PROFILES_ACTIVE", "");
        for (String variable : new String[] {"SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD"}) {
            environment.put(variable, "");
        }
        try (ServiceProcess service = ServiceProcess.start("conversation-service", environment)) {
            String output = service.awaitExit(EXIT);
            assertThat(output).doesNotStartWith("exit 0").contains("'url' attribute is not specified");
        }
    }
}
