package com.crmfactory.messaging.support.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.support.kafka.EventPublisher;
import com.crmfactory.messaging.support.kafka.KafkaHealthIndicator;
import com.crmfactory.messaging.support.kafka.DeadLetters;
import com.crmfactory.messaging.support.kafka.KafkaTopics;
import com.crmfactory.messaging.support.kafka.KafkaTopicsProperties;
import com.crmfactory.messaging.support.kafka.TraceParent;

/** Topics, dead-letter error handling, the synchronous publisher and the Kafka readiness check. */
@AutoConfiguration(after = ServiceSupportAutoConfiguration.class,
        afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(KafkaTopicsProperties.class)
public class KafkaSupportAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics platformTopics(@Value("${spring.application.name}") String service,
            KafkaTopicsProperties properties) {
        return KafkaTopics.declare(service, properties);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetterErrorHandler(@Value("${spring.application.name}") String service,
            KafkaTemplate<String, String> template, KafkaTopicsProperties properties) {
        return DeadLetters.errorHandler(service, template, properties.retry());
    }

    /**
     * The container times only batch listeners itself (it observes record listeners instead), under the name
     * {@code spring.kafka.listener} with other tag keys, which Prometheus refuses beside the record listeners' timer.
     * Batch listeners observe each record themselves ({@code RecordBatches}), with the record listeners' tags.
     */
    @Bean
    @ConditionalOnMissingBean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> platformContainerCustomizer() {
        return container -> container.getContainerProperties().setMicrometerEnabled(false);
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, String> template, EventCodec codec,
            @Value("${spring.application.name}") String service, TraceParent traceParent) {
        return new EventPublisher(template, codec, service, traceParent);
    }

    @Bean(name = "kafkaHealthIndicator")
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
