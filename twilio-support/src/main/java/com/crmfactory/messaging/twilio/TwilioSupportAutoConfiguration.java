package com.crmfactory.messaging.twilio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

import com.twilio.http.TwilioRestClient;

/**
 * The Twilio account's properties and one {@link TwilioRestClient} through {@link TwilioHttpClient}. Without
 * credentials the client still exists (with a placeholder account) so a service starts and reports each call's
 * failure; services that must not call Twilio then check {@link TwilioProperties#configured()}.
 */
@AutoConfiguration
@EnableConfigurationProperties(TwilioProperties.class)
public class TwilioSupportAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TwilioSupportAutoConfiguration.class);
    private static final String PLACEHOLDER_ACCOUNT = "AC00000000000000000000000000000000";

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    TwilioRestClient twilioRestClient(TwilioProperties twilio) {
        if (twilio.redirectOrigin() != null) {
            log.info("Twilio API calls go to {} instead of Twilio", twilio.redirectOrigin());
        }
        if (!twilio.configured()) {
            log.warn("platform.twilio.account-sid/auth-token are not set: Twilio will refuse every API call");
        }
        return new TwilioRestClient.Builder(
                twilio.configured() ? twilio.accountSid() : PLACEHOLDER_ACCOUNT,
                twilio.configured() ? twilio.authToken() : "unset")
                .httpClient(new TwilioHttpClient(twilio.redirectOrigin(), twilio.connectTimeout(), twilio.readTimeout(),
                        twilio.maxConnections()))
                .build();
    }
}
