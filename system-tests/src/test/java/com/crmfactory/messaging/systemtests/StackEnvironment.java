package com.crmfactory.messaging.systemtests;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.crmfactory.messaging.testsupport.Infrastructure;
import com.crmfactory.messaging.testsupport.PostgresServer;
import com.crmfactory.messaging.testsupport.TwilioFixtures;

/** The environment every service process of a test shares: the test JVM's broker and PostgreSQL, and shared secrets. */
final class StackEnvironment {

    static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

    private final Infrastructure infrastructure = Infrastructure.get();
    private final Map<String, String> common = new HashMap<>();

    StackEnvironment() {
        PostgresServer postgres = infrastructure.postgres();
        common.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        common.put("SPRING_DATASOURCE_USERNAME", postgres.username());
        common.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
        common.put("PLATFORM_ORG_CONTEXT_SECRET", "e2e-org-context-secret-" + UUID.randomUUID());
        common.put("PLATFORM_TWILIO_ACCOUNT_SID", ACCOUNT_SID);
        common.put("PLATFORM_TWILIO_AUTH_TOKEN", TwilioFixtures.AUTH_TOKEN);
        common.put("PLATFORM_TWILIO_SMS_NUMBER", TwilioFixtures.BUSINESS_NUMBER);
    }

    /** For a service without a database. */
    Map<String, String> common() {
        return new HashMap<>(common);
    }

    /** For a service with a database: a fresh one of its own. */
    Map<String, String> withDatabase(String name) {
        Map<String, String> environment = common();
        environment.put("SPRING_DATASOURCE_URL", infrastructure.createDatabase(name));
        return environment;
    }
}
