package com.crmfactory.messaging.gateway;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.crmfactory.messaging.testsupport.Infrastructure;

/**
 * Two gateways in one JVM, one of them stopped: the other keeps serving. With Reactor Netty's global
 * resources the stop disposed the event loops both served on, and the survivor refused connections
 * (the intermittent hangs the module's integration tests used to see).
 */
class NettyResourcesIT {

    @TempDir
    Path dir;

    @Test
    void stoppingOneGatewayLeavesAnotherInTheSameJvmServing() {
        String database = Infrastructure.get().createDatabase("NettyResourcesIT");
        try (ConfigurableApplicationContext survivor = start(database, dir.resolve("survivor-key"))) {
            answersNotFound(survivor);
            try (ConfigurableApplicationContext stopped = start(database, dir.resolve("stopped-key"))) {
                answersNotFound(stopped);
            }
            for (int i = 0; i < 20; i++) {
                answersNotFound(survivor);
            }
        }
    }

    private static void answersNotFound(ConfigurableApplicationContext gateway) {
        WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(10)).build()
                .get().uri("/nothing-here").exchange().expectStatus().isNotFound();
    }

    private static ConfigurableApplicationContext start(String database, Path keyFile) {
        Infrastructure infrastructure = Infrastructure.get();
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + infrastructure.postgres().username(),
                "--spring.datasource.password=" + infrastructure.postgres().password(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--platform.bootstrap.api-key-file=" + keyFile,
                "--platform.admin.api-key=netty-resources-it-admin-key-0123456789",
                "--platform.org-context.secret=netty-resources-it-org-context-secret-0123456789");
    }
}
