package com.crmfactory.messaging.events.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A suspended org keeps its data but gets no traffic routed to it. */
public enum TenantStatus {
    ACTIVE, SUSPENDED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
