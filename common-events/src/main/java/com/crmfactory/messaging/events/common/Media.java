package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;

/**
 * One media item. Inbound: Twilio's {@code MediaUrl{N}}/{@code MediaContentType{N}} (fetching may need
 * Twilio auth). Outbound: a public URL; the content type is optional there.
 */
@EventPayload
public record Media(String url, String contentType) {

    public Media {
        Checks.notBlank(url, "url");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
