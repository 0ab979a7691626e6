package com.crmfactory.messaging.support.config;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.support.kafka.TraceParent;
import com.crmfactory.messaging.support.web.OrgContextProperties;
import com.crmfactory.messaging.support.web.OrgContextToken;

import io.micrometer.tracing.Tracer;
import tools.jackson.databind.json.JsonMapper;

/** Beans every service gets: a clock, the event codec, the org-context token, the current trace parent. */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(OrgContextProperties.class)
public class ServiceSupportAutoConfiguration {

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
    OrgContextToken orgContextToken(OrgContextProperties properties, Clock clock) {
        if (properties.usesDevelopmentSecret()) {
            log.warn("platform.org-context.secret is the local-development default: set PLATFORM_ORG_CONTEXT_SECRET in production");
        }
        return new OrgContextToken(properties.secret(), properties.ttl(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    TraceParent traceParent(ObjectProvider<Tracer> tracer) {
        return new TraceParent(tracer);
    }
}
