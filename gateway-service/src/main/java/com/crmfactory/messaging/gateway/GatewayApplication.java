package com.crmfactory.messaging.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * gateway-service: the public /api/v1 edge. Orgs, their API keys and sender numbers; authentication,
 * per-key rate limits and the signed org context; routing to the services.
 */
// no user store: the edge authenticates bearer keys only (and Boot would log a generated password)
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
