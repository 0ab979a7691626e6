package com.crmfactory.messaging.outbound.message;

import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Channel;

import java.time.Instant;

/** One row of {@code outbound_message}; {@code channel} and {@code from} are null until the send policy chose them. */
public record OutboundMessage(String requestId, String orgId, String sessionId, String conversationKey, Channel channel,
        String to, String from, String body, State state, String providerSid, String deliveryStatus, int attempts,
        Instant attemptStartedAt, int reconcileChecks, String requestJson) {

    public enum State {
        PENDING, SENDING, ACCEPTED, FAILED, UNKNOWN;

        public String db() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The same request, sent on {@code channel} from {@code from}. */
    public OutboundMessage routed(Channel channel, String from) {
        return new OutboundMessage(requestId, orgId, sessionId, conversationKey, channel, to, from, body, state, providerSid,
                deliveryStatus, attempts, attemptStartedAt, reconcileChecks, requestJson);
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
