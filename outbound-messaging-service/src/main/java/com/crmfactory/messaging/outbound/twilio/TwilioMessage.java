package com.crmfactory.messaging.outbound.twilio;

import com.crmfactory.messaging.events.Redacted;

import java.time.Instant;

/** A message as Twilio's list shows it (for reconciliation). */
public record TwilioMessage(String sid, String to, String from, String body, String status, Instant dateCreated) {

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
