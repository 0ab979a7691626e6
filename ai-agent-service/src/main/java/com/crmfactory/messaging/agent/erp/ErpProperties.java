package com.crmfactory.messaging.agent.erp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code agent.erp.*}: where the ERP's REST API lives ({@code AGENT_ERP_BASE_URL}; {@code ./omni up}
 * points it at the demo ERP) and how long a call may take before the agent gives up on it.
 */
@ConfigurationProperties("agent.erp")
public record ErpProperties(String baseUrl, String apiKey, Duration timeout) {

    public ErpProperties {
        baseUrl = baseUrl == null ? "http://localhost:8091/api/v1" : baseUrl.replaceAll("/+$", "");
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    }
}
