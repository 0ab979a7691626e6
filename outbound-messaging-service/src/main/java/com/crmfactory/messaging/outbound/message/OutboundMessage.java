package com.crmfactory.messaging.outbound.message;

import java.time.Instant;

/** One row of {@code outbound_message}. */
public record OutboundMessage(String requestId, String orgId, String sessionId, String conversationKey, String channel,
        String to, String from, String body, State state, String providerSid, String deliveryStatus, int attempts,
        Instant attemptStartedAt, int reconcileChecks, String requestJson) {

    public enum State {
        PENDING, SENDING, ACCEPTED, FAILED, UNKNOWN;

        public String db() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
