package com.crmfactory.messaging.support.config;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

import com.crmfactory.messaging.support.logging.MaskingJsonMembersCustomizer;
import com.crmfactory.messaging.support.logging.MaskingMessageConverter;
import com.crmfactory.messaging.support.web.ProbePaths;
import com.crmfactory.messaging.support.logging.MaskingThrowableConverter;

/**
 * The conventions every service shares, as lowest-priority defaults (a service's own configuration
 * or an environment variable overrides any of them): idempotent producers with {@code acks=all},
 * manual offsets, trace propagation over Kafka, probes whose liveness never depends on the database or
 * Kafka, actuator (Prometheus, metrics, env) on a management port of its own, graceful shutdown, JPA
 * validation, structured logs with masking.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String STRING_SERIALIZER = "org.apache.kafka.common.serialization.StringSerializer";
    private static final String STRING_DESERIALIZER = "org.apache.kafka.common.serialization.StringDeserializer";
    private static final int DEFAULT_SERVER_PORT = 8080;
    static final int MANAGEMENT_PORT_OFFSET = 1000;
    private static final int MAX_PORT = 65535;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        registerMaskingMessageConverter();
        Map<String, Object> defaults = new HashMap<>();
        kafka(defaults);
        management(defaults);
        managementPort(environment, defaults);
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        // a JDBC batch of inserts (the outbox's rows of a transaction) becomes one multi-row statement
        defaults.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
        defaults.put("spring.jpa.open-in-view", "false");
        defaults.put("spring.jpa.hibernate.ddl-auto", "validate");
        defaults.put("logging.structured.format.console", "ecs");
        defaults.put("logging.structured.json.customizer", MaskingJsonMembersCustomizer.class.getName());
        defaults.put("logging.exception-conversion-word", "%" + MaskingThrowableConverter.WORD);
        environment.getPropertySources().addLast(new MapPropertySource("platformServiceDefaults", defaults));
    }

    private static void kafka(Map<String, Object> defaults) {
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.key-serializer", STRING_SERIALIZER);
        defaults.put("spring.kafka.producer.value-serializer", STRING_SERIALIZER);
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.kafka.producer.properties.max.block.ms", "10000");
        defaults.put("spring.kafka.producer.properties.linger.ms", "5");
        defaults.put("spring.kafka.consumer.group-id", "${spring.application.name}");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
        defaults.put("spring.kafka.consumer.key-deserializer", STRING_DESERIALIZER);
        defaults.put("spring.kafka.consumer.value-deserializer", STRING_DESERIALIZER);
        // every service creates the topics it consumes (KafkaTopics): a subscription must never auto-create one
        defaults.put("spring.kafka.consumer.properties.allow.auto.create.topics", "false");
        // a replica killed without leaving its group keeps its partitions until its session times out: Kafka's
        // default of 45 s kept its customers waiting that long; 15 s (heartbeats every 3 s) bounds the wait
        // (issue 15: at most 30 s after a replica is gone)
        defaults.put("spring.kafka.consumer.properties.session.timeout.ms", "15000");
        defaults.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "3000");
        defaults.put("spring.kafka.consumer.properties.partition.assignment.strategy",
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        // offsets are committed at most every 250 ms rather than after every poll (decision 0021): every listener is
        // idempotent, so a crash redelivers at most that much, while the broker's offset commits stop growing with
        // the number of polls; a one-second poll commits an idle consumer's last offsets soon after its last record
        defaults.put("spring.kafka.listener.ack-mode", "time");
        defaults.put("spring.kafka.listener.ack-time", "250ms");
        defaults.put("spring.kafka.listener.poll-timeout", "1s");
        defaults.put("spring.kafka.template.observation-enabled", "true");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("spring.kafka.admin.fail-fast", "false");
    }

    /**
     * Actuator lives on the management port only; the public port keeps just the two probes, through the
     * health groups' additional paths ({@link ProbePaths}). Being public, the probes name their components
     * and statuses but never their details (versions, hosts, database names).
     */
    private static void management(Map<String, Object> defaults) {
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics,env");
        defaults.put("management.endpoint.env.show-values", "never");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "always");
        // Boot serves a group on the main port at a one-segment path only: ProbePaths maps the usual paths onto these
        Map<String, String> publicPaths = Map.of("liveness", ProbePaths.LIVEZ, "readiness", ProbePaths.READYZ);
        publicPaths.forEach((probe, path) -> {
            String group = "management.endpoint.health.group." + probe;
            defaults.put(group + ".additional-path", "server:" + path);
            defaults.put(group + ".show-details", "never");
            defaults.put(group + ".show-components", "always");
        });
        defaults.put("management.endpoint.health.group.liveness.include", "livenessState");
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,db,kafka");
        defaults.put("management.health.livenessstate.enabled", "true");
        defaults.put("management.health.readinessstate.enabled", "true");
        defaults.put("management.metrics.tags.application", "${spring.application.name}");
        defaults.put("management.tracing.sampling.probability", "1.0");
        // Spring Security observes each of its filters, its authentication and its authorization per request: child
        // spans nobody reads, on every request through the gateway (issue 16: observations were 25 % of its CPU samples)
        defaults.put("management.observations.enable.spring.security", "false");
    }

    /**
     * {@code management.server.port} defaults to the service port + 1000 (8082 serves actuator on 9082):
     * a plain property cannot compute it. A random service port (0, tests) gets a random management
     * port; an explicit {@code MANAGEMENT_SERVER_PORT} wins, being of higher precedence than these defaults.
     */
    static void managementPort(ConfigurableEnvironment environment, Map<String, Object> defaults) {
        Integer serverPort = environment.getProperty("server.port", Integer.class, DEFAULT_SERVER_PORT);
        if (serverPort == 0) {
            defaults.put("management.server.port", "0");
        } else if (serverPort > 0 && serverPort + MANAGEMENT_PORT_OFFSET <= MAX_PORT) {
            defaults.put("management.server.port", String.valueOf(serverPort + MANAGEMENT_PORT_OFFSET));
        }
    }

    /** Masks {@code %msg}/{@code %m} and exceptions in plain-text log patterns too (tests, local runs without JSON). */
    private static void registerMaskingMessageConverter() {
        if (ClassUtils.isPresent("ch.qos.logback.classic.PatternLayout", null)) {
            LogbackMasking.register();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Separate class so Logback is only touched when it is on the classpath. */
    private static final class LogbackMasking {
        static void register() {
            for (String word : new String[] {"m", "msg", "message"}) {
                ch.qos.logback.classic.PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put(word, MaskingMessageConverter::new);
            }
            ch.qos.logback.classic.PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put(MaskingThrowableConverter.WORD,
                    MaskingThrowableConverter::new);
        }
    }
}
