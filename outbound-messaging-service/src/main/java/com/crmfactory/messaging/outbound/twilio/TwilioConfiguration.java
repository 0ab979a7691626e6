package com.crmfactory.messaging.outbound.twilio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.twilio.http.TwilioRestClient;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/** The Twilio client from {@link TwilioProperties}, with the "twilio" circuit breaker and bulkhead. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioProperties.class)
class TwilioConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TwilioConfiguration.class);

    @Bean
    TwilioMessagingClient twilioMessagingClient(TwilioProperties twilio, CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads) {
        if (twilio.redirectOrigin() != null) {
            log.info("Twilio API calls go to {} instead of Twilio", twilio.redirectOrigin());
        }
        if (!twilio.configured()) {
            log.warn("platform.twilio.account-sid/auth-token are not set: every Twilio send will be refused by Twilio");
        }
        TwilioRestClient client = new TwilioRestClient.Builder(
                twilio.configured() ? twilio.accountSid() : "AC00000000000000000000000000000000",
                twilio.configured() ? twilio.authToken() : "unset")
                .httpClient(new TwilioHttpClient(twilio.redirectOrigin(), twilio.connectTimeout(), twilio.readTimeout()))
                .build();
        return new TwilioMessagingClient(client, breakers.circuitBreaker("twilio"), bulkheads.bulkhead("twilio"));
    }
}
