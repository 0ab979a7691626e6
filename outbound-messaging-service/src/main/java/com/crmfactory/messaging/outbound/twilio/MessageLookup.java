package com.crmfactory.messaging.outbound.twilio;

import com.crmfactory.messaging.events.Redacted;

/** What Twilio answered when asked for one message ({@code GET Messages/{Sid}.json}). */
public sealed interface MessageLookup {

    /** 200: the Message resource's {@code status}, {@code error_code} and {@code error_message} (and its addresses). */
    record Found(String sid, String status, String errorCode, String errorMessage, String to, String from)
            implements MessageLookup {

        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }

    /** 404: Twilio has no message with that SID in this account. */
    record NotFound() implements MessageLookup {
    }

    /** Not asked or no answer (down, 5xx, 429, timeout, circuit open, refused credentials): ask again later. */
    record Unavailable(String reason) implements MessageLookup {
    }
}
