package com.crmfactory.messaging.events.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Session status; wire values are snake_case lowercase ({@code waiting_reply}). */
public enum SessionStatus {
    ACTIVE, WAITING_REPLY, NEEDS_HUMAN, COMPLETED, EXPIRED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isClosed() {
        return this == COMPLETED || this == EXPIRED;
    }
}
