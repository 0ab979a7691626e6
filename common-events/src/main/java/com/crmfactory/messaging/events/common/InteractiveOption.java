package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;

/** A quick-reply button or list-picker item; {@code id} comes back as the reply's id. */
@EventPayload
public record InteractiveOption(String id, String title, String description) {

    public InteractiveOption {
        Checks.notBlank(id, "id");
        Checks.notBlank(title, "title");
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
