package com.crmfactory.messaging.events.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Interactive content kinds, named like Twilio's content types ({@code twilio/quick-reply}). */
public enum InteractiveKind {
    QUICK_REPLY, LIST_PICKER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
