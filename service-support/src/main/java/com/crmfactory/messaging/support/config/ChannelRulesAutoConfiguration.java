package com.crmfactory.messaging.support.config;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.crmfactory.messaging.events.common.WhatsAppWindow;

/**
 * The channel rules of common-events, bound from their one configuration key each, for every service that decides
 * or enforces them (conversation-service answers an agent at once; outbound-messaging-service, the rule's owner,
 * enforces it for every send).
 */
@AutoConfiguration
public class ChannelRulesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WhatsAppWindow whatsAppWindow(Environment environment) {
        return new WhatsAppWindow(environment.getProperty(WhatsAppWindow.PROPERTY, Duration.class,
                WhatsAppWindow.DEFAULT_LENGTH));
    }
}
