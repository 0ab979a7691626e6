package com.crmfactory.messaging.template.approval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.twilio.http.TwilioRestClient;

/** The Twilio client, built from {@link TwilioProperties}; without credentials a disabled one, never a start-up failure. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TwilioProperties.class, ApprovalSyncProperties.class})
class TwilioConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TwilioConfiguration.class);

    @Bean
    TwilioContentClient twilioContentClient(TwilioProperties twilio) {
        if (!twilio.configured()) {
            log.warn(TwilioContentClient.DISABLED);
            return TwilioContentClient.disabled();
        }
        if (twilio.redirectOrigin() != null) {
            log.info("Twilio API calls go to {} instead of Twilio", twilio.redirectOrigin());
        }
        TwilioRestClient client = new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken())
                .httpClient(new TwilioHttpClient(twilio.redirectOrigin(), twilio.connectTimeout(), twilio.readTimeout()))
                .build();
        return new TwilioContentClient(client);
    }
}
