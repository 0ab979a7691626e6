package com.crmfactory.messaging.gateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import com.crmfactory.messaging.gateway.admin.AdminProperties;
import com.crmfactory.messaging.gateway.ratelimit.RateLimitProperties;

/** The variable names the README and the local stack ({@code ./omni}) use really reach the settings. */
class EnvironmentVariablesTest {

    @Test
    void documentedVariablesBind() {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "PLATFORM_BOOTSTRAP_API_KEY", "omni_0123456789abcdef0123456789abcdef",
                "PLATFORM_BOOTSTRAP_API_KEY_FILE", "/tmp/key",
                "PLATFORM_BOOTSTRAP_ORG_ID", "acme",
                "PLATFORM_ADMIN_API_KEY", "admin-0123456789abcdef",
                "PLATFORM_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "7",
                "PLATFORM_GATEWAY_RATE_LIMIT_BURST", "9")));
        ConfigurationPropertySources.attach(environment);
        Binder binder = Binder.get(environment);

        BootstrapProperties bootstrap = binder.bindOrCreate("platform.bootstrap", BootstrapProperties.class);
        assertThat(bootstrap.apiKey()).isEqualTo("omni_0123456789abcdef0123456789abcdef");
        assertThat(bootstrap.apiKeyFile()).isEqualTo("/tmp/key");
        assertThat(bootstrap.orgId()).isEqualTo("acme");
        assertThat(bootstrap.enabled()).isTrue();

        AdminProperties admin = binder.bindOrCreate("platform.admin", AdminProperties.class);
        assertThat(admin.apiKey()).isEqualTo("admin-0123456789abcdef");

        RateLimitProperties limits = binder.bindOrCreate("platform.gateway.rate-limit", RateLimitProperties.class);
        assertThat(limits.defaultLimit().requestsPerSecond()).isEqualTo(7);
        assertThat(limits.defaultLimit().burst()).isEqualTo(9);
    }
}
