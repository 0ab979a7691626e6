package com.crmfactory.messaging.events.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Kind of sender; outbound picks its per-sender rate limit from it. */
public enum SenderType {
    LONG_CODE, TOLL_FREE, SHORT_CODE, WHATSAPP;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
