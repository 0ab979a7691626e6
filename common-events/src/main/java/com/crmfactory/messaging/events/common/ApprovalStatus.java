package com.crmfactory.messaging.events.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** WhatsApp approval state of a template; only {@code approved} may open a conversation. */
public enum ApprovalStatus {
    DRAFT, PENDING, APPROVED, REJECTED, PAUSED, DISABLED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
