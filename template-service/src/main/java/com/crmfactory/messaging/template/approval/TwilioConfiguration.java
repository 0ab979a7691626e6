package com.crmfactory.messaging.template.approval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.crmfactory.messaging.twilio.TwilioProperties;
import com.twilio.http.TwilioRestClient;

/** The Content API client over twilio-support's client; without credentials a disabled one, never a start-up failure. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApprovalSyncProperties.class)
class TwilioConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TwilioConfiguration.class);

    @Bean
    TwilioContentClient twilioContentClient(TwilioProperties twilio, ObjectProvider<TwilioRestClient> client) {
        if (!twilio.configured()) {
            log.warn(TwilioContentClient.DISABLED);
            return TwilioContentClient.disabled();
        }
        return new TwilioContentClient(client.getObject());
    }
}
