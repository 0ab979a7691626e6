package com.crmfactory.messaging.outbound.twilio;

import com.crmfactory.messaging.events.Redacted;

import java.time.Duration;

/** How one POST to Twilio ended, classified by what it proves. */
public sealed interface SendOutcome {

    /** 201: Twilio has the message. */
    record Accepted(String sid, String status) implements SendOutcome {
    }

    /** A definitive 4xx refusal: nothing was sent and resending the same will not help. */
    record Rejected(String code, String message) implements SendOutcome {

        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }

    /** Provably not processed (429/20429, connection refused, circuit open, bulkhead full): safe to retry. */
    record Unsent(String reason, Duration retryAfter) implements SendOutcome {
    }

    /** Maybe sent (timeout, 5xx, broken connection): never resend before reconciling. */
    record Ambiguous(String reason) implements SendOutcome {
    }
}
