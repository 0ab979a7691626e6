package com.crmfactory.messaging.outbound.delivery;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.outbound.delivery.StatusPolls.DueCheck;
import com.crmfactory.messaging.outbound.message.StatusPollProperties;
import com.crmfactory.messaging.outbound.twilio.MessageLookup;
import com.crmfactory.messaging.outbound.twilio.TwilioMessagingClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Asks Twilio for the status of accepted sends whose callbacks did not come: Twilio calls each status back once,
 * so a callback refused while webhook-ingest-service or the broker was down is lost. A due send (quiet for
 * {@code after}, or its back-off elapsed) is fetched ({@code GET Messages/{Sid}.json}) outside any transaction and
 * what Twilio reports is applied as a callback would be ({@link DeliveryService#apply}: forward only, the same
 * {@code OutboundDeliveryUpdated}, 21610 opts out). Twilio unavailable → the rest of the batch is asked again after
 * the quiet period, uncounted; 404 → no more checks; {@code max-age} after acceptance → no more checks.
 */
@Component
class DeliveryStatusPoller {

    private static final Logger log = LoggerFactory.getLogger(DeliveryStatusPoller.class);

    private final StatusPolls polls;
    private final TwilioMessagingClient twilio;
    private final DeliveryService delivery;
    private final TransactionTemplate transaction;
    private final StatusPollProperties props;
    private final MeterRegistry meters;
    private final Clock clock;

    DeliveryStatusPoller(StatusPolls polls, TwilioMessagingClient twilio, DeliveryService delivery,
            PlatformTransactionManager transactions, StatusPollProperties props, MeterRegistry meters, Clock clock) {
        this.polls = polls;
        this.twilio = twilio;
        this.delivery = delivery;
        this.transaction = new TransactionTemplate(transactions);
        this.props = props;
        this.meters = meters;
        this.clock = clock;
    }

    /** One run: at most {@code batch} checks, one after the other. */
    void pollDue() {
        for (String requestId : polls.endExpired(props.maxAge(), props.batch())) {
            log.info("request {}: delivery status still not settled {} after acceptance; no longer polled", requestId,
                    props.maxAge());
            count("expired");
        }
        List<DueCheck> due = polls.claimDue(props.batch(), props.after(), props.maxDelay());
        for (int i = 0; i < due.size(); i++) {
            MessageLookup answer = check(due.get(i));
            if (answer instanceof MessageLookup.Unavailable unavailable) {
                // Twilio is down or throttling: asking about the rest now would only add load
                List<DueCheck> rest = due.subList(i, due.size());
                rest.forEach(d -> polls.postpone(d.requestId(), props.after()));
                log.info("{} delivery status checks postponed: {}", rest.size(), unavailable.reason());
                count("unavailable");
                return;
            }
        }
    }

    private MessageLookup check(DueCheck due) {
        MessageLookup answer;
        try {
            answer = twilio.fetch(due.providerSid());
        } catch (RuntimeException e) {
            answer = new MessageLookup.Unavailable(e.getClass().getSimpleName());
        }
        if (answer instanceof MessageLookup.Found found) {
            try {
                transaction.executeWithoutResult(tx -> delivery.apply(report(due, found)));
                count("found");
            } catch (RuntimeException e) {
                log.warn("request {}: applying the polled delivery status failed ({}); checked again later",
                        due.requestId(), e.getClass().getSimpleName());
                polls.postpone(due.requestId(), props.after());
            }
        } else if (answer instanceof MessageLookup.NotFound) {
            log.warn("request {}: Twilio does not know its message; delivery status no longer polled", due.requestId());
            polls.end(due.requestId());
            count("not_found");
        }
        return answer;
    }

    /** What Twilio reports, as the status callback would have carried it. */
    private DeliveryStatusReported report(DueCheck due, MessageLookup.Found found) {
        return new DeliveryStatusReported(due.orgId(), due.providerSid(), DeliveryStatus.fromProvider(found.status()),
                found.status(), found.errorCode(), found.errorMessage(), due.channel(), found.from(), found.to(),
                due.requestId(), clock.instant());
    }

    private void count(String result) {
        meters.counter("outbound.status.polls", "result", result).increment();
    }
}
