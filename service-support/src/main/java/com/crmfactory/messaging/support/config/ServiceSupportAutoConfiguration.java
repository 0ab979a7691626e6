package com.crmfactory.messaging.support.config;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.support.kafka.TraceParent;

import io.micrometer.tracing.Tracer;
import tools.jackson.databind.json.JsonMapper;

/** Beans every service gets: a clock, the event codec, the current trace parent. */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class ServiceSupportAutoConfiguration {

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

    @Bean
    @ConditionalOnMissingBean
    TraceParent traceParent(ObjectProvider<Tracer> tracer) {
        return new TraceParent(tracer);
    }
}
