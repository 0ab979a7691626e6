package com.crmfactory.messaging.support.config;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.support.kafka.TraceParent;
import com.crmfactory.messaging.support.web.OrgContextProperties;
import com.crmfactory.messaging.support.web.OrgContextToken;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import tools.jackson.databind.json.JsonMapper;

/** Beans every service gets: a clock, the event codec, the org-context token, the current trace parent. */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(OrgContextProperties.class)
public class ServiceSupportAutoConfiguration {

    /** The profile of development and tests: the only one where secrets may fall back to development values. */
    public static final String LOCAL_PROFILE = "local";

    private static final Logger log = LoggerFactory.getLogger(ServiceSupportAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(ObjectProvider<JsonMapper> mapper) {
        return new EventCodec(mapper.getIfAvailable(JsonMapper::new));
    }

    /** Signs (gateway) and verifies (services) the org context; see {@link OrgContextToken}. */
    @Bean
    @ConditionalOnMissingBean
    OrgContextToken orgContextToken(OrgContextProperties properties, Environment environment, Clock clock) {
        String secret = properties.secret();
        if (!properties.hasSecret()) {
            if (!environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
                throw new IllegalStateException("PLATFORM_ORG_CONTEXT_SECRET (platform.org-context.secret) is not set. "
                        + "The gateway signs each caller's org with it and every service verifies it: set the same random "
                        + "secret (32+ characters) everywhere, or run with the 'local' profile for development.");
            }
            log.warn("platform.org-context.secret is not set: using the local-development secret (profile 'local')");
            secret = OrgContextProperties.DEVELOPMENT_SECRET;
        }
        return new OrgContextToken(environment.getRequiredProperty("spring.application.name"), secret,
                properties.additionalSecrets(), properties.ttl(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    TraceParent traceParent(ObjectProvider<Tracer> tracer, ObjectProvider<ObservationRegistry> observations) {
        return new TraceParent(tracer, observations);
    }
}
