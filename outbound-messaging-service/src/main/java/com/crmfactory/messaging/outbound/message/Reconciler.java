package com.crmfactory.messaging.outbound.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.outbound.message.OutboundMessage.State;
import com.crmfactory.messaging.outbound.message.OutboundMessageRepository.SendFingerprint;
import com.crmfactory.messaging.outbound.twilio.TwilioMessage;
import com.crmfactory.messaging.outbound.twilio.TwilioMessagingClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Settles ambiguous sends: asks Twilio for the messages to that recipient from that sender (first page,
 * newest first) and considers only those created since the attempt whose SID no other of our requests
 * owns. Twilio's Message resource carries no ContentSid (OpenAPI {@code api.v2010.account.message}), only a
 * nullable {@code body}, so a candidate is ours when:
 * <ul>
 * <li>a Body was POSTed: its body is exactly that Body (candidates with the same text are interchangeable);</li>
 * <li>a Content send: its body is one of the texts we expect Twilio to show (rendered template body,
 * interactive body); failing that, it is the <em>only</em> unowned candidate that is not provably another
 * message (one whose non-empty body differs from every expected text, when we know one);</li>
 * <li>no distinguishing field at all (a ContentSid without a local copy of the template, media only): it is the
 * only unowned candidate.</li>
 * </ul>
 * Several indistinguishable candidates → stays {@code unknown} and is checked again. After
 * {@code reconcile-checks} checks without a match: resent only if no check ever saw a candidate that could be
 * ours (Twilio provably does not have it: for a text send no message with that body, for a Content send no
 * unowned message at all in the window, and never on a full page that may hide older ones); otherwise failed as {@code unknown_delivery} (not retryable: a
 * resend could duplicate it). Twilio unreachable → asked again later. Also turns sends stuck in
 * {@code sending} (a crash mid-call) into ambiguous ones, and picks up pending requests a crash left behind.
 */
@Component
class Reconciler {

    static final String UNKNOWN_DELIVERY = "unknown_delivery";
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    private static final int PAGE = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
            dispatcher.dispatch(requestId, requestId);
        }
    }

    void reconcile(OutboundMessage m) {
        String to = SendPolicy.address(m.channel(), m.to());
        List<TwilioMessage> recent;
        try {
            recent = twilio.recentTo(to, m.from());
        } catch (RuntimeException twilioDown) {
            log.info("reconciliation of request {} postponed: {}", m.requestId(), twilioDown.getMessage());
            return;
        }
        SendFingerprint sent = messages.fingerprint(m.requestId())
                .orElse(new SendFingerprint(m.body(), null, null, 0));
        Instant since = (m.attemptStartedAt() == null ? Instant.EPOCH : m.attemptStartedAt()).minus(CLOCK_SKEW);
        List<TwilioMessage> inWindow = recent.stream()
                .filter(t -> t.dateCreated() == null || !t.dateCreated().isBefore(since)).toList();
        List<TwilioMessage> unowned = inWindow.stream().filter(t -> messages.findBySid(t.sid()).isEmpty()).toList();
        Match match = match(sent, unowned);
        // a full page entirely inside the window may hide older candidates: never proof of absence
        int seen = match.candidates() + (recent.size() >= PAGE && inWindow.size() == recent.size() ? 1 : 0);
        if (seen > 0) {
            messages.candidatesSeen(m.requestId(), seen);
        }
        if (match.message() != null) {
            TwilioMessage found = match.message();
            try {
                if (results.accepted(m, found.sid(), found.status(), State.UNKNOWN)) {
                    log.info("request {} reconciled: Twilio has it as {}", m.requestId(), found.sid());
                }
            } catch (DataIntegrityViolationException takenMeanwhile) {
                log.info("request {}: {} was claimed by another request meanwhile; checking again", m.requestId(), found.sid());
            }
            return;
        }
        if (m.reconcileChecks() < props.reconcileChecks()) {
            return;
        }
        if (Math.max(seen, sent.candidatesSeen()) == 0) {
            if (messages.backToPending(m.requestId())) {
                log.info("request {} never reached Twilio ({} checks): sending it again", m.requestId(), m.reconcileChecks());
                dispatcher.dispatch(m.conversationKey(), m.requestId());
            }
        } else {
            log.warn("request {} could not be told apart from other messages to its recipient in {} checks: unknown_delivery",
                    m.requestId(), m.reconcileChecks());
            results.failed(m, m.channel(), Failure.permanent(UNKNOWN_DELIVERY,
                    "Twilio may have the message, but it could not be told apart from other messages to the recipient; "
                            + "not resent to avoid a duplicate"), State.UNKNOWN);
        }
    }

    /**
     * The candidate that is provably ours (or null), and how many unowned candidates could be ours as far as a
     * resend is concerned (text send: those with the same body; Content send: all of them).
     */
    record Match(TwilioMessage message, int candidates) {
    }

    static Match match(SendFingerprint sent, List<TwilioMessage> unowned) {
        if (sent.sentBody() != null && !sent.sentBody().isEmpty()) {
            List<TwilioMessage> same = unowned.stream().filter(t -> sent.sentBody().equals(t.body())).toList();
            return new Match(same.isEmpty() ? null : same.get(same.size() - 1), same.size());
        }
        List<String> expected = expectedBodies(sent.expectedBodiesJson());
        // bodiless: every unowned candidate counts as "seen" (our rendering of the content might differ from
        // Twilio's, so a different body is no proof of absence and never allows a resend)
        List<TwilioMessage> exact = unowned.stream().filter(t -> t.body() != null && expected.contains(t.body())).toList();
        if (!exact.isEmpty()) {
            return new Match(exact.get(exact.size() - 1), unowned.size());
        }
        List<TwilioMessage> possible = unowned.stream()
                .filter(t -> expected.isEmpty() || t.body() == null || t.body().isBlank())
                .toList();
        return new Match(possible.size() == 1 ? possible.get(0) : null, unowned.size());
    }

    private static List<String> expectedBodies(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return List.of(JSON.readValue(json, String[].class));
    }
}
