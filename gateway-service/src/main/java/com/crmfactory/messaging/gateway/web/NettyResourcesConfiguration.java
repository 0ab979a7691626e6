package com.crmfactory.messaging.gateway.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The gateway's Netty event loops and connection pool belong to its application context, not to Reactor
 * Netty's JVM-wide {@code HttpResources}. With the global resources (Spring Boot's default), stopping one
 * context disposes the loops every other context in the JVM serves on: its server stops accepting
 * ("connection refused") or an in-flight request hangs. One gateway per JVM never notices; the integration
 * tests, which keep many gateway contexts alive and start and stop some of them, did (see the README).
 */
@Configuration(proxyBeanMethods = false)
class NettyResourcesConfiguration {

    @Bean
    ReactorResourceFactory reactorResourceFactory(
            @Value("${spring.reactor.netty.shutdown-quiet-period:2s}") Duration shutdownQuietPeriod) {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        factory.setShutdownQuietPeriod(shutdownQuietPeriod);
        return factory;
    }
}
