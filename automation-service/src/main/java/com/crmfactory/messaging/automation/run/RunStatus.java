package com.crmfactory.messaging.automation.run;

import com.fasterxml.jackson.annotation.JsonValue;

/** A run is running while its steps are carried out, waiting for a due time, then succeeded or failed. */
public enum RunStatus {
    RUNNING, WAITING, SUCCEEDED, FAILED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static RunStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
