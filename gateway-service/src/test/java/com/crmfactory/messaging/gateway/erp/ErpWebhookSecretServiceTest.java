package com.crmfactory.messaging.gateway.erp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;


class ErpWebhookSecretServiceTest {

    @Test
    void theDocumentedVariableBinds() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("PLATFORM_ERP_WEBHOOK_SECRET", "m-1")));
        ConfigurationPropertySources.attach(environment);

        org.assertj.core.api.Assertions.assertThat(Binder.get(environment)
                .bindOrCreate("platform.erp-webhook", ErpWebhookProperties.class).secret()).isEqualTo("m-1");
    }

    @Test
    void withoutAMasterNoSecretCanBeShown() {
        ErpWebhookSecretService service = new ErpWebhookSecretService(null, new ErpWebhookProperties(" "));

        assertThatThrownBy(() -> service.secretOf("acme")).isInstanceOfSatisfying(ResponseStatusException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }
}
