package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;

/** A shared location (WhatsApp); address and label only for named places. */
@EventPayload
public record Location(double latitude, double longitude, String address, String label) {

    public Location {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("latitude/longitude out of range");
        }
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
