package com.crmfactory.messaging.events.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Template types; kebab-case on the wire like {@link InteractiveKind}. */
public enum TemplateType {
    TEXT, MEDIA, QUICK_REPLY, LIST_PICKER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
