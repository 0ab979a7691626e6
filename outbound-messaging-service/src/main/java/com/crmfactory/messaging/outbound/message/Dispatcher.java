package com.crmfactory.messaging.outbound.message;

import java.time.Duration;

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
 * Sends one pending request at most once: decide, wait for the sender's rate slot, claim
 * (pending → sending, only one worker wins), POST. Only provably unsent failures (429/20429, connection
 * refused, circuit open) are retried, with backoff honouring {@code Retry-After}; an ambiguous one
 * (timeout, 5xx) becomes {@code unknown} for the {@link Reconciler}.
 */
@Component
@EnableConfigurationProperties(OutboundProperties.class)
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final OutboundMessageRepository messages;
    private final SendPolicy policy;
    private final OutboundResults results;
    private final TwilioMessagingClient twilio;
    private final SenderRateLimiter limiter;
    private final EmailSender email;
    private final CustomerState customers;
    private final OutboundProperties props;

    Dispatcher(OutboundMessageRepository messages, SendPolicy policy, OutboundResults results, TwilioMessagingClient twilio,
            SenderRateLimiter limiter, EmailSender email, CustomerState customers, OutboundProperties props) {
        this.messages = messages;
        this.policy = policy;
        this.results = results;
        this.twilio = twilio;
        this.limiter = limiter;
        this.email = email;
        this.customers = customers;
        this.props = props;
    }

    public void dispatch(String requestId) {
        OutboundMessage m = messages.find(requestId).orElse(null);
        if (m == null || m.state() != State.PENDING) {
            return;
        }
        OutboundMessageRequested request = JSON.readValue(m.requestJson(), OutboundMessageRequested.class);
        Decision decision;
        try {
            decision = policy.decide(m, request);
        } catch (TwilioMessagingClient.TwilioUnavailableException e) {
            results.failed(m, null, Failure.temporary("provider_unavailable",
                    "Twilio could not create the interactive content"), State.PENDING);
            return;
        }
        if (decision instanceof Decision.Refuse r) {
            results.failed(m, r.channel(), r.failure(), State.PENDING);
        } else if (decision instanceof Decision.ViaEmail e) {
            sendEmail(m, e);
        } else if (decision instanceof Decision.ViaTwilio t) {
            sendTwilio(m, t);
        }
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

    private void sendTwilio(OutboundMessage m, Decision.ViaTwilio t) {
        messages.resolvedTwilio(m.requestId(), t.channel(), t.sender(), t.plan().body(), t.plan().contentSid(),
                t.expectedBodies().isEmpty() ? null : JSON.writeValueAsString(t.expectedBodies()));
        limiter.await(t.sender(), t.senderType());
        if (!messages.claim(m.requestId())) {
            return;
        }
        OutboundMessage sending = m.routed(t.channel(), t.sender());
        for (int attempt = 1;; attempt++) {
            messages.attemptStarting(m.requestId());
            SendOutcome outcome = twilio.send(t.plan());
            if (outcome instanceof SendOutcome.Accepted a) {
                // the log line of the send: its trace.id is the request's (the Twilio SDK's HTTP client is not traced)
                log.info("Request {} sent through Twilio as {} ({})", m.requestId(), a.sid(), a.status());
                results.accepted(sending, a.sid(), a.status(), State.SENDING);
                return;
            }
            if (outcome instanceof SendOutcome.Rejected r) {
                if (ProviderErrors.OPTED_OUT.equals(r.code())) {
                    customers.optOut(m.orgId(), t.channel(), t.plan().to(), "twilio-21610");
                }
                results.failed(sending, t.channel(), Failure.byProvider(ProviderErrors.failureCode(r.code()),
                        ProviderErrors.reason(r.code(), r.message()), r.code()), State.SENDING);
                return;
            }
            if (outcome instanceof SendOutcome.Ambiguous a) {
                log.warn("send of request {} is ambiguous ({}): reconciling before any resend", m.requestId(), a.reason());
                messages.markUnknown(m.requestId(), a.reason(), props.reconcileDelay());
                return;
            }
            SendOutcome.Unsent u = (SendOutcome.Unsent) outcome;
            if (attempt >= props.sendAttempts()) {
                results.failed(sending, t.channel(), Failure.temporary(
                        u.reason().startsWith("429") ? "rate_limited" : "provider_unavailable",
                        "Twilio did not take the message after " + attempt + " attempts (" + u.reason() + ")"), State.SENDING);
                return;
            }
            sleep(backoff(attempt, u.retryAfter()));
        }
    }

    Duration backoff(int attempt, Duration retryAfter) {
        long exp = props.backoff().toMillis() * (1L << Math.min(attempt - 1, 10));
        long jittered = exp / 2 + (long) (Math.random() * exp / 2);
        long wait = Math.min(props.maxBackoff().toMillis(), jittered);
        return retryAfter != null && retryAfter.toMillis() > wait ? retryAfter : Duration.ofMillis(wait);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
