package com.crmfactory.messaging.events.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an outbound message goes; {@code originating} means "the channel of the request's session". */
public enum OutboundChannel {
    SMS, MMS, WHATSAPP, EMAIL, ORIGINATING;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
