package com.crmfactory.messaging.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context the secrets a service refuses to start without outside the
 * {@code local} profile ({@code platform.org-context.secret}): random per test JVM, so that no test
 * depends on a known value. Lowest precedence: a test's own properties or the environment win.
 * Registered in {@code META-INF/spring.factories}.
 */
public class TestSecretsContextCustomizerFactory implements ContextCustomizerFactory {

    static final String ORG_CONTEXT_SECRET = "platform.org-context.secret";
    private static final String SECRET = "test-org-context-secret-" + UUID.randomUUID();
    private static final ContextCustomizer CUSTOMIZER = new TestSecrets();

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return CUSTOMIZER;
    }

    /** One instance for all test classes: it must not split the context cache. */
    private static final class TestSecrets implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableEnvironment environment = context.getEnvironment();
            if (!environment.containsProperty(ORG_CONTEXT_SECRET)) {
                environment.getPropertySources().addLast(new MapPropertySource("testSecrets", Map.of(ORG_CONTEXT_SECRET, SECRET)));
            }
        }
    }
}
