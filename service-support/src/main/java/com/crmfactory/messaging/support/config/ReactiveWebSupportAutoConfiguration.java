package com.crmfactory.messaging.support.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.crmfactory.messaging.support.web.ReactiveProbeAliasFilter;

/** Reactive services (the gateway): the public probe paths. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ReactiveWebSupportAutoConfiguration {

    @Bean
    ReactiveProbeAliasFilter reactiveProbeAliasFilter(Environment environment) {
        return new ReactiveProbeAliasFilter(environment);
    }
}
