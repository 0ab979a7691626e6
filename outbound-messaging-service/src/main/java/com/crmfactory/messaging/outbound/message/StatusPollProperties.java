package com.crmfactory.messaging.outbound.message;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.outbound.status-poll.*}: asking Twilio for the delivery status of accepted sends whose callbacks
 * did not come (the delivery package's poll). Here because acceptance and every status change schedule the next check.
 *
 * @param after    quiet period: an unsettled send whose status has not changed this long is asked about
 * @param interval how often each replica looks for due checks
 * @param maxDelay cap of the back-off between checks of one message ({@code after × 2^checks})
 * @param maxAge   no more checks this long after acceptance: the message stays as it is
 * @param batch    checks per run (a backlog is worked off run after run, never in one go)
 */
@ConfigurationProperties("platform.outbound.status-poll")
public record StatusPollProperties(
        @DefaultValue("2m") Duration after,
        @DefaultValue("15s") Duration interval,
        @DefaultValue("1h") Duration maxDelay,
        @DefaultValue("72h") Duration maxAge,
        @DefaultValue("50") int batch) {

    /** The quiet period in seconds, as the SQL's {@code make_interval(secs => ?)} takes it. */
    public double afterSeconds() {
        return after.toMillis() / 1000.0;
    }
}
