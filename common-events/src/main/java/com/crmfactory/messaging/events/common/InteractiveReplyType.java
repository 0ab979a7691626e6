package com.crmfactory.messaging.events.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A customer's tap: on a quick-reply button or on a list-picker item. */
public enum InteractiveReplyType {
    BUTTON, LIST;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
