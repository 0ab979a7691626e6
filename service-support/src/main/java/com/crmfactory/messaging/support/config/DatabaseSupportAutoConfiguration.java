package com.crmfactory.messaging.support.config;

import java.time.Clock;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

import com.crmfactory.messaging.support.consumer.IncomingEvents;
import com.crmfactory.messaging.support.consumer.ProcessedEvents;
import com.crmfactory.messaging.support.consumer.ProcessedEventsCleanup;
import com.crmfactory.messaging.support.consumer.RecordBatches;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.support.kafka.TraceParent;
import com.crmfactory.messaging.support.outbox.OutboxProperties;
import com.crmfactory.messaging.support.outbox.OutboxRelay;
import com.crmfactory.messaging.support.outbox.OutboxRelayScheduler;
import com.crmfactory.messaging.support.outbox.OutboxWriter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * For services with a database: the plumbing tables (migrated before the service's own Flyway
 * scripts, with a separate history table), the outbox writer and relay, and the consumer guard.
 */
@AutoConfiguration(after = KafkaSupportAutoConfiguration.class,
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnClass({JdbcTemplate.class, Flyway.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(OutboxProperties.class)
@EnableScheduling
public class DatabaseSupportAutoConfiguration {

    static final String SUPPORT_MIGRATIONS = "classpath:db/service-support";
    static final String SUPPORT_HISTORY_TABLE = "flyway_service_support_history";

    /**
     * Migrates the service's own scripts, then the plumbing tables with a history table of their own
     * (baselined at 0, since the schema is no longer empty by then), so the two version sequences never collide.
     */
    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy platformFlywayMigrationStrategy() {
        return flyway -> {
            flyway.migrate();
            Flyway.configure()
                    .dataSource(flyway.getConfiguration().getDataSource())
                    .locations(SUPPORT_MIGRATIONS)
                    .table(SUPPORT_HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        };
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxWriter outboxWriter(JdbcTemplate jdbc, EventCodec codec, TraceParent traceParent,
            ObjectProvider<OutboxRelayScheduler> relayScheduler) {
        // after each commit that appended rows, wake this instance's relay (none when platform.outbox.enabled=false)
        SingletonSupplier<OutboxRelayScheduler> relay = SingletonSupplier.of(relayScheduler::getIfAvailable);
        return new OutboxWriter(jdbc, codec, traceParent, () -> {
            OutboxRelayScheduler scheduler = relay.get();
            if (scheduler != null) {
                scheduler.wakeUp();
            }
        });
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(JdbcTemplate jdbc, MeterRegistry meters) {
        return new ProcessedEvents(jdbc, meters);
    }

    @Bean
    @ConditionalOnMissingBean
    IncomingEvents incomingEvents(EventCodec codec, ProcessedEvents processed, PlatformTransactionManager transactions) {
        return new IncomingEvents(codec, processed, new TransactionTemplate(transactions));
    }

    /**
     * Batch listeners' shared transactions. With JPA, the persistence context is flushed and cleared between two
     * records, as a commit per record did: the next record's plain SQL ({@code JdbcTemplate}) sees the rows the one
     * before wrote, and its entities load afresh.
     */
    @Bean
    @ConditionalOnMissingBean
    RecordBatches recordBatches(PlatformTransactionManager transactions, ObjectProvider<ObservationRegistry> observations,
            TraceParent traceParent, MeterRegistry meters, ApplicationContext context) {
        Runnable betweenRecords = ClassUtils.isPresent("jakarta.persistence.EntityManagerFactory", null)
                ? JpaFlush.of(context) : () -> { };
        return new RecordBatches(new TransactionTemplate(transactions), observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                betweenRecords, traceParent, meters);
    }

    /** Kept apart so that the JPA types load only where JPA is on the class path. */
    private static final class JpaFlush {

        static Runnable of(ApplicationContext context) {
            // looked up once, at the first record (the factory may not exist yet when this bean is made)
            SingletonSupplier<EntityManagerFactory> factories =
                    SingletonSupplier.ofNullable(() -> context.getBeanProvider(EntityManagerFactory.class).getIfUnique());
            return () -> {
                EntityManagerFactory factory = factories.get();
                EntityManager entities = factory == null ? null : EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
                if (entities != null) {
                    entities.flush();
                    entities.clear();
                }
            };
        }
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEventsCleanup processedEventsCleanup(JdbcTemplate jdbc,
            @Value("${platform.consumer.retention:14d}") java.time.Duration retention, Clock clock) {
        return new ProcessedEventsCleanup(jdbc, retention, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            ProducerFactory<String, String> producerFactory, OutboxProperties properties,
            @Value("${spring.application.name}") String service, MeterRegistry meters) {
        // A template of its own without observation: the row's stored traceparent is the one to carry.
        KafkaTemplate<String, String> template = new KafkaTemplate<>(producerFactory);
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), template::send, properties,
                service, meters);
    }

    /** {@code platform.outbox.enabled=false} stops this instance from relaying (the relay bean stays usable). */
    @Bean
    @ConditionalOnProperty(name = "platform.outbox.enabled", matchIfMissing = true)
    OutboxRelayScheduler outboxRelayScheduler(OutboxRelay relay, OutboxProperties properties) {
        return new OutboxRelayScheduler(relay, properties.pollInterval());
    }
}
