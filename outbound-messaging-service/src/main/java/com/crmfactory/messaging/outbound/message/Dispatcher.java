package com.crmfactory.messaging.outbound.message;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.outbound.email.EmailSender;
import com.crmfactory.messaging.outbound.customer.CustomerState;
import com.crmfactory.messaging.outbound.message.OutboundMessage.State;
import com.crmfactory.messaging.outbound.ratelimit.SenderRateLimiter;
import com.crmfactory.messaging.outbound.twilio.ProviderErrors;
import com.crmfactory.messaging.outbound.twilio.SendOutcome;
import com.crmfactory.messaging.outbound.twilio.TwilioMessagingClient;

import jakarta.mail.MessagingException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one pending request at most once: decide, reserve the sender's rate slot, claim (pending → sending, only
 * one worker wins), POST. Sends run on {@link SendLanes} (one lane per conversation, so its messages keep their
 * order), never on the Kafka consumer thread, and no thread waits for a rate slot or a back-off: the next step is
 * scheduled instead. Only provably unsent failures (429/20429, connection refused, circuit open) are retried, with
 * backoff honouring {@code Retry-After}; an ambiguous one (timeout, 5xx) becomes {@code unknown} for the
 * {@link Reconciler}.
 */
@Component
@EnableConfigurationProperties(OutboundProperties.class)
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final OutboundMessageRepository messages;
    private final SendPolicy policy;
    private final OutboundResults results;
    private final TwilioMessagingClient twilio;
    private final SenderRateLimiter limiter;
    private final EmailSender email;
    private final CustomerState customers;
    private final OutboundProperties props;
    private final SendLanes lanes;
    private final SenderPermits permits;
    /** Requests queued or being sent by this instance: a redelivery or the reconciler's sweep does not queue them twice. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    Dispatcher(OutboundMessageRepository messages, SendPolicy policy, OutboundResults results, TwilioMessagingClient twilio,
            SenderRateLimiter limiter, EmailSender email, CustomerState customers, OutboundProperties props, SendLanes lanes,
            SenderPermits permits) {
        this.messages = messages;
        this.policy = policy;
        this.results = results;
        this.twilio = twilio;
        this.limiter = limiter;
        this.email = email;
        this.customers = customers;
        this.props = props;
        this.lanes = lanes;
        this.permits = permits;
    }

    /** Queues the send of a request this thread just registered as pending (nothing to read back). */
    public void dispatchNew(OutboundMessage registered, OutboundMessageRequested request) {
        if (inFlight.add(registered.requestId())
                && !lanes.submit(registered.conversationKey(), lane -> send(registered, request, lane))) {
            inFlight.remove(registered.requestId());
        }
    }

    /**
     * Queues the send of a request if it is still pending when its turn comes (a redelivery, a resend after
     * reconciliation, a crash's leftover).
     *
     * @param lane the conversation key when known (keeps the conversation's order), else any stable key
     */
    public void dispatch(String lane, String requestId) {
        if (!inFlight.add(requestId)) {
            return;
        }
        boolean queued = lanes.submit(lane, steps -> {
            try {
                OutboundMessage m = messages.find(requestId).filter(found -> found.state() == State.PENDING).orElse(null);
                if (m == null) {
                    inFlight.remove(requestId);
                    return DONE;
                }
                // send(…) forgets the request itself once done
                return send(m, JSON.readValue(m.requestJson(), OutboundMessageRequested.class), steps);
            } catch (RuntimeException e) {
                inFlight.remove(requestId);
                throw e;
            }
        });
        if (!queued) {
            inFlight.remove(requestId);
        }
    }

    private CompletableFuture<Void> send(OutboundMessage m, OutboundMessageRequested request, SendLanes.Lane lane) {
        CompletableFuture<Void> sent;
        try {
            sent = decideAndSend(m, request, lane);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.whenComplete((ignored, failure) -> inFlight.remove(m.requestId()));
    }

    private CompletableFuture<Void> decideAndSend(OutboundMessage m, OutboundMessageRequested request, SendLanes.Lane lane) {
        Decision decision;
        try {
            decision = policy.decide(m, request);
        } catch (TwilioMessagingClient.TwilioUnavailableException e) {
            results.failed(m, null, Failure.temporary("provider_unavailable",
                    "Twilio could not create the interactive content"), State.PENDING);
            return DONE;
        }
        if (decision instanceof Decision.Recheck recheck) {
            // the lane waits too: the conversation's later messages keep their order behind this one
            return CompletableFuture.supplyAsync(() -> decideAndSend(m, request, lane), lane.after(recheck.after().toNanos()))
                    .thenCompose(f -> f);
        }
        if (decision instanceof Decision.Refuse r) {
            results.failed(m, r.channel(), r.failure(), State.PENDING);
        } else if (decision instanceof Decision.ViaEmail e) {
            sendEmail(m, e);
        } else if (decision instanceof Decision.ViaTwilio t) {
            long wait = limiter.reserve(t.sender(), t.senderType());
            return wait <= 0 ? withPermit(m, t, lane)
                    : CompletableFuture.supplyAsync(() -> withPermit(m, t, lane), lane.after(wait)).thenCompose(f -> f);
        }
        return DONE;
    }

    private void sendEmail(OutboundMessage m, Decision.ViaEmail e) {
        messages.resolved(m.requestId(), Channel.EMAIL, e.from());
        if (!messages.claim(m.requestId())) {
            return;
        }
        OutboundMessage sending = m.routed(Channel.EMAIL, e.from());
        try {
            String id = email.send(e.from(), e.to(), e.subject(), e.body(), e.threading(), e.mediaUrls());
            results.accepted(sending, id, "sent", State.SENDING);
        } catch (MessagingException | MailException ex) {
            log.warn("e-mail for request {} failed: {}", m.requestId(), ex.toString());
            results.failed(sending, Channel.EMAIL, Failure.temporary("email_failed",
                    "The mail server refused the message"), State.SENDING);
        }
    }

    /** Sends once one of the sender's {@code sender-concurrency} permits is free (waiting for it parks no thread). */
    private CompletableFuture<Void> withPermit(OutboundMessage m, Decision.ViaTwilio t, SendLanes.Lane lane) {
        CompletableFuture<Void> permit = permits.acquire(t.sender());
        CompletableFuture<Void> sent = permit.isDone() ? claimAndPostSafely(m, t, lane)
                : permit.thenComposeAsync(granted -> claimAndPostSafely(m, t, lane), lane.now());
        return sent.whenComplete((ignored, failure) -> permits.release(t.sender()));
    }

    private CompletableFuture<Void> claimAndPostSafely(OutboundMessage m, Decision.ViaTwilio t, SendLanes.Lane lane) {
        try {
            return claimAndPost(m, t, lane);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Records what is POSTed and claims the row in one statement (its rate slot has come), then POSTs. */
    private CompletableFuture<Void> claimAndPost(OutboundMessage m, Decision.ViaTwilio t, SendLanes.Lane lane) {
        if (!messages.claimTwilio(m.requestId(), t.channel(), t.sender(), t.plan().body(), t.plan().contentSid(),
                t.expectedBodies().isEmpty() ? null : JSON.writeValueAsString(t.expectedBodies()))) {
            return DONE;
        }
        return post(m.routed(t.channel(), t.sender()), t, 1, lane);
    }

    private CompletableFuture<Void> post(OutboundMessage sending, Decision.ViaTwilio t, int attempt, SendLanes.Lane lane) {
        String requestId = sending.requestId();
        if (attempt > 1) {
            messages.attemptStarting(requestId);
        }
        SendOutcome outcome = twilio.send(t.plan());
        if (outcome instanceof SendOutcome.Accepted a) {
            // the log line of the send: its trace.id is the request's (the lane continues the consumer's trace)
            log.info("Request {} sent through Twilio as {} ({})", requestId, a.sid(), a.status());
            results.accepted(sending, a.sid(), a.status(), State.SENDING);
            return DONE;
        }
        if (outcome instanceof SendOutcome.Rejected r) {
            if (ProviderErrors.OPTED_OUT.equals(r.code())) {
                customers.optOut(sending.orgId(), t.channel(), t.plan().to(), "twilio-21610");
            }
            results.failed(sending, t.channel(), Failure.byProvider(ProviderErrors.failureCode(r.code()),
                    ProviderErrors.reason(r.code(), r.message()), r.code()), State.SENDING);
            return DONE;
        }
        if (outcome instanceof SendOutcome.Ambiguous a) {
            log.warn("send of request {} is ambiguous ({}): reconciling before any resend", requestId, a.reason());
            messages.markUnknown(requestId, a.reason(), props.reconcileDelay());
            return DONE;
        }
        SendOutcome.Unsent u = (SendOutcome.Unsent) outcome;
        if (attempt >= props.sendAttempts()) {
            results.failed(sending, t.channel(), Failure.temporary(
                    u.reason().startsWith("429") ? "rate_limited" : "provider_unavailable",
                    "Twilio did not take the message after " + attempt + " attempts (" + u.reason() + ")"), State.SENDING);
            return DONE;
        }
        return CompletableFuture.supplyAsync(() -> post(sending, t, attempt + 1, lane),
                lane.after(backoff(attempt, u.retryAfter()).toNanos())).thenCompose(f -> f);
    }

    Duration backoff(int attempt, Duration retryAfter) {
        long exp = props.backoff().toMillis() * (1L << Math.min(attempt - 1, 10));
        long jittered = exp / 2 + (long) (Math.random() * exp / 2);
        long wait = Math.min(props.maxBackoff().toMillis(), jittered);
        return retryAfter != null && retryAfter.toMillis() > wait ? retryAfter : Duration.ofMillis(wait);
    }
}
