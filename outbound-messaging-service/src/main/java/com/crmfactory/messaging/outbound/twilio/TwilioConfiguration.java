package com.crmfactory.messaging.outbound.twilio;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.twilio.http.TwilioRestClient;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/** The messaging client over twilio-support's {@link TwilioRestClient}, with the "twilio" circuit breaker and bulkhead. */
@Configuration(proxyBeanMethods = false)
class TwilioConfiguration {

    @Bean
    TwilioMessagingClient twilioMessagingClient(TwilioRestClient client, CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads, Clock clock) {
        return new TwilioMessagingClient(client, breakers.circuitBreaker("twilio"), bulkheads.bulkhead("twilio"), clock);
    }
}
