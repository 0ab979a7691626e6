package com.crmfactory.messaging.automation.event;

import com.crmfactory.messaging.events.Redacted;

/** What the engine knows of the customer behind a trigger; any part may be unknown (null). */
public record Contact(String name, String phone, String email) {

    public static final Contact UNKNOWN = new Contact(null, null, null);

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
