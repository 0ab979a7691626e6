package com.crmfactory.messaging.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * One real Kafka broker and one real PostgreSQL server per test JVM, started on first use and stopped
 * when the JVM exits. Testcontainers is used when a Docker engine answers; otherwise an in-JVM KRaft
 * broker and zonky's embedded PostgreSQL. Either way the tests run: nothing is skipped for lack of Docker.
 *
 * <p>{@code -Dtest.infrastructure=embedded|containers} forces one mode.
 */
public final class Infrastructure {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
    private static final AtomicInteger databaseCounter = new AtomicInteger();
    private static volatile Infrastructure instance;

    private final KafkaBroker kafka;
    private final PostgresServer postgres;

    private Infrastructure(KafkaBroker kafka, PostgresServer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    public static Infrastructure get() {
        Infrastructure local = instance;
        if (local == null) {
            synchronized (Infrastructure.class) {
                local = instance;
                if (local == null) {
                    local = start();
                    instance = local;
                }
            }
        }
        return local;
    }

    private static Infrastructure start() {
        boolean containers = useContainers();
        long started = System.nanoTime();
        KafkaBroker kafka = containers ? ContainerKafka.start() : EmbeddedKafka.start();
        PostgresServer postgres = containers ? ContainerPostgres.start() : EmbeddedPostgresServer.start();
        log.info("Test infrastructure ({}) ready in {} ms: kafka={}", containers ? "containers" : "embedded",
                (System.nanoTime() - started) / 1_000_000, kafka.bootstrapServers());
        Infrastructure infrastructure = new Infrastructure(kafka, postgres);
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "test-infrastructure-stop"));
        return infrastructure;
    }

    private static boolean useContainers() {
        String forced = System.getProperty("test.infrastructure", "");
        if (forced.equals("embedded")) {
            return false;
        }
        if (forced.equals("containers")) {
            return true;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** Creates an empty database with a unique name and returns its JDBC URL. */
    public String createDatabase(String prefix) {
        String name = (prefix.replaceAll("[^a-zA-Z0-9]", "_") + "_" + databaseCounter.incrementAndGet()).toLowerCase();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
                postgres.password()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return postgres.jdbcUrl(name);
    }

    private void stop() {
        try {
            kafka.stop();
        } finally {
            postgres.stop();
        }
    }
}
