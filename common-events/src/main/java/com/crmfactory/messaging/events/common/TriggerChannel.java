package com.crmfactory.messaging.events.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What actually arrived: distinguishes an MMS from an SMS and a voicemail from a call. */
public enum TriggerChannel {
    SMS, MMS, WHATSAPP, VOICEMAIL, EMAIL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
