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

/**
 * The conventions every service shares, as lowest-priority defaults (a service's own configuration
 * or an environment variable overrides any of them): idempotent producers with {@code acks=all},
 * manual offsets, trace propagation over Kafka, probes whose liveness never depends on the database or
 * Kafka, Prometheus, graceful shutdown, JPA validation, structured logs with masking.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String STRING_SERIALIZER = "org.apache.kafka.common.serialization.StringSerializer";
    private static final String STRING_DESERIALIZER = "org.apache.kafka.common.serialization.StringDeserializer";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        registerMaskingMessageConverter();
        Map<String, Object> defaults = new HashMap<>();
        kafka(defaults);
        management(defaults);
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        defaults.put("spring.jpa.open-in-view", "false");
        defaults.put("spring.jpa.hibernate.ddl-auto", "validate");
        defaults.put("logging.structured.format.console", "ecs");
        defaults.put("logging.structured.json.customizer", MaskingJsonMembersCustomizer.class.getName());
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
        defaults.put("spring.kafka.consumer.properties.partition.assignment.strategy",
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        defaults.put("spring.kafka.template.observation-enabled", "true");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("spring.kafka.admin.fail-fast", "false");
    }

    private static void management(Map<String, Object> defaults) {
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "always");
        defaults.put("management.endpoint.health.group.liveness.include", "livenessState");
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,db,kafka");
        defaults.put("management.health.livenessstate.enabled", "true");
        defaults.put("management.health.readinessstate.enabled", "true");
        defaults.put("management.metrics.tags.application", "${spring.application.name}");
        defaults.put("management.tracing.sampling.probability", "1.0");
    }

    /** Masks {@code %msg}/{@code %m} in plain-text log patterns too (tests, local runs without JSON). */
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
        }
    }
}
