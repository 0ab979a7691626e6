package com.crmfactory.messaging.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Applies {@link RealInfrastructure}: registered in {@code META-INF/spring.factories}. */
public class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(RealInfrastructure.class)
                .synthesize(a -> a.isPresent())
                .map(annotation -> new Customizer(testClass, annotation.database()))
                .orElse(null);
    }

    /** Keyed by test class, so each test class gets its own context and so its own database. */
    private static final class Customizer implements ContextCustomizer {

        private final Class<?> testClass;
        private final boolean database;

        Customizer(Class<?> testClass, boolean database) {
            this.testClass = testClass;
            this.database = database;
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Infrastructure infrastructure = Infrastructure.get();
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
            if (database) {
                properties.put("spring.datasource.url", infrastructure.createDatabase(testClass.getSimpleName()));
                properties.put("spring.datasource.username", infrastructure.postgres().username());
                properties.put("spring.datasource.password", infrastructure.postgres().password());
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("realInfrastructure", properties));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer that && that.testClass == testClass && that.database == database;
        }

        @Override
        public int hashCode() {
            return Objects.hash(testClass, database);
        }
    }
}
