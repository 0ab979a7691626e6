package com.crmfactory.messaging.ingest.webhook;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the {@link TwilioWebhook} argument and the webhook settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookWebConfiguration implements WebMvcConfigurer {

    private final TwilioWebhookReader reader;

    WebhookWebConfiguration(TwilioWebhookReader reader) {
        this.reader = reader;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new TwilioWebhookArgumentResolver(reader));
    }
}
