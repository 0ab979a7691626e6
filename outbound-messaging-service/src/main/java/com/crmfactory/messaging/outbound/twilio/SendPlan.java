package com.crmfactory.messaging.outbound.twilio;

import com.crmfactory.messaging.events.Redacted;

import java.util.List;

/** What exactly to POST to Twilio's Messages API for one request. */
public record SendPlan(String to, String from, String body, List<String> mediaUrls, String contentSid,
        String contentVariables, String statusCallback) {

    public SendPlan {
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
