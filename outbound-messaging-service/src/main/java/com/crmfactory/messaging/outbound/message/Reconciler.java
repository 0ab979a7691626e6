package com.crmfactory.messaging.outbound.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.outbound.message.OutboundMessage.State;
import com.crmfactory.messaging.outbound.twilio.TwilioMessage;
import com.crmfactory.messaging.outbound.twilio.TwilioMessagingClient;

/**
 * Settles ambiguous sends: asks Twilio for the messages to that recipient from that sender created since
 * the attempt. Found → accepted with Twilio's SID (no resend). Missing in {@code reconcile-checks}
 * consecutive checks → back to pending and sent again. Twilio unreachable → asked again later. Also
 * turns sends stuck in {@code sending} (a crash mid-call) into ambiguous ones, and picks up pending
 * requests a crash left behind.
 */
@Component
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final OutboundMessageRepository messages;
    private final TwilioMessagingClient twilio;
    private final OutboundResults results;
    private final Dispatcher dispatcher;
    private final OutboundProperties props;

    Reconciler(OutboundMessageRepository messages, TwilioMessagingClient twilio, OutboundResults results,
            Dispatcher dispatcher, OutboundProperties props) {
        this.messages = messages;
        this.twilio = twilio;
        this.results = results;
        this.dispatcher = dispatcher;
        this.props = props;
    }

    @Scheduled(fixedDelayString = "${platform.outbound.reconcile-interval:2s}", initialDelayString = "${platform.outbound.reconcile-interval:2s}")
    void run() {
        int stale = messages.staleSendingToUnknown(props.sendingStaleAfter());
        if (stale > 0) {
            log.warn("{} sends were interrupted mid-call and will be reconciled", stale);
        }
        for (OutboundMessage m : messages.claimDueChecks(20, props.reconcileDelay())) {
            reconcile(m);
        }
        for (String requestId : messages.pendingOlderThan(Duration.ofSeconds(30), 20)) {
            dispatcher.dispatch(requestId);
        }
    }

    void reconcile(OutboundMessage m) {
        Channel channel = Channel.fromWire(m.channel());
        String to = SendPolicy.address(channel, m.to());
        List<TwilioMessage> recent;
        try {
            recent = twilio.recentTo(to, m.from());
        } catch (RuntimeException twilioDown) {
            log.info("reconciliation of request {} postponed: {}", m.requestId(), twilioDown.getMessage());
            return;
        }
        Instant since = (m.attemptStartedAt() == null ? Instant.EPOCH : m.attemptStartedAt()).minus(CLOCK_SKEW);
        Optional<TwilioMessage> match = recent.stream()
                .filter(t -> t.dateCreated() == null || !t.dateCreated().isBefore(since))
                .filter(t -> m.body() == null || m.body().equals(t.body()))
                .filter(t -> messages.findBySid(t.sid()).isEmpty())
                .findFirst();
        if (match.isPresent()) {
            log.info("request {} reconciled: Twilio has it as {}", m.requestId(), match.get().sid());
            results.accepted(m, match.get().sid(), match.get().status(), State.UNKNOWN);
        } else if (m.reconcileChecks() >= props.reconcileChecks() && messages.backToPending(m.requestId())) {
            log.info("request {} never reached Twilio ({} checks): sending it again", m.requestId(), m.reconcileChecks());
            dispatcher.dispatch(m.requestId());
        }
    }
}
