package com.crmfactory.messaging.outbound.message;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.outbound.*}.
 *
 * @param statusCallbackBaseUrl public origin Twilio posts status callbacks to (the gateway)
 * @param fallbackTemplateKey   template sent outside the WhatsApp window when a request allows it
 * @param sendAttempts          POSTs per request for provably unsent failures (429, connection refused)
 * @param reconcileChecks       list checks of an ambiguous send that must all miss before it is resent
 * @param sendingStaleAfter     a send stuck in {@code sending} this long (crash) is reconciled like an ambiguous one
 * @param sendConcurrency       worker threads sending at once (Twilio calls, SMTP, their database steps), all senders together
 * @param maxInFlight           requests queued or being sent before the consumers wait (the rest stays in Kafka)
 * @param senderConcurrency     sends of one sender number at once (a permit is asked for when its rate slot has come)
 * @param recheckGrace          a request younger than this that would be refused for want of the org's sender or an
 *                              open WhatsApp window waits for them to be recorded here first ({@link Decision.Recheck})
 */
@ConfigurationProperties("platform.outbound")
public record OutboundProperties(
        @DefaultValue("http://localhost:8080") String statusCallbackBaseUrl,
        String fallbackTemplateKey,
        @DefaultValue("5") int sendAttempts,
        @DefaultValue("500ms") Duration backoff,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("1s") Duration reconcileDelay,
        @DefaultValue("3") int reconcileChecks,
        @DefaultValue("2m") Duration sendingStaleAfter,
        @DefaultValue("no-reply@localhost") String emailFrom,
        @DefaultValue("16") int sendConcurrency,
        @DefaultValue("2000") int maxInFlight,
        @DefaultValue("16") int senderConcurrency,
        @DefaultValue("30s") Duration recheckGrace) {
}
