package com.crmfactory.messaging.events.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Delivery status of an outbound message. Callbacks arrive out of order, so a status only ever moves
 * forward: queued &lt; sending &lt; sent &lt; delivered &lt; read; failed and undelivered are terminal.
 * {@code unknown} marks an ambiguous send (timeout, 5xx) awaiting reconciliation.
 */
public enum DeliveryStatus {
    UNKNOWN(0), QUEUED(1), SENDING(2), SENT(3), DELIVERED(4), READ(5), FAILED(6), UNDELIVERED(6);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTerminal() {
        return this == FAILED || this == UNDELIVERED;
    }

    /**
     * Whether a message now in this status may take {@code next}. Kept here so that outbound and
     * conversation-service apply the same rule: never backwards, never out of a terminal failure,
     * never from delivered/read to a failure, and {@code unknown} never overwrites a known status.
     */
    public boolean canMoveTo(DeliveryStatus next) {
        if (next == this || isTerminal() || next == UNKNOWN) {
            return false;
        }
        if (next.isTerminal()) {
            return this != DELIVERED && this != READ;
        }
        return next.rank > rank;
    }

    /**
     * Maps a Twilio {@code MessageStatus} onto this enum: accepted and scheduled are still queued, a
     * canceled message was never sent (failed); anything else (receiving, partially_delivered, new
     * values) is {@code unknown} and therefore never moves a message.
     */
    public static DeliveryStatus fromProvider(String providerStatus) {
        if (providerStatus == null) {
            return UNKNOWN;
        }
        return switch (providerStatus.toLowerCase(Locale.ROOT)) {
            case "accepted", "scheduled", "queued" -> QUEUED;
            case "sending" -> SENDING;
            case "sent" -> SENT;
            case "delivered" -> DELIVERED;
            case "read" -> READ;
            case "failed", "canceled" -> FAILED;
            case "undelivered" -> UNDELIVERED;
            default -> UNKNOWN;
        };
    }
}
