package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;

/** Org settings other services need. Never secrets: this travels on a compacted topic. */
@EventPayload
public record TenantSettings(String helpText, String defaultLanguage, String timeZone) {

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
