package com.crmfactory.messaging.events.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * WhatsApp's customer-service window: free-form messages (text, media, in-session quick replies and lists) may be
 * sent only this long after the customer's last message; outside it, approved templates only
 * (docs/twilio.md#whatsapp-window). One rule for every service that decides or enforces it, configured once as
 * {@value #PROPERTY}.
 */
public record WhatsAppWindow(Duration length) {

    /** The one configuration key of the window (environment: {@code PLATFORM_WHATSAPP_WINDOW}). */
    public static final String PROPERTY = "platform.whatsapp.window";
    /** WhatsApp's own window. */
    public static final Duration DEFAULT_LENGTH = Duration.ofHours(24);

    public WhatsAppWindow {
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("the WhatsApp window must be positive");
        }
    }

    /** Whether a free-form message may go out at {@code now}; never without a customer message. */
    public boolean isOpen(Instant lastCustomerMessage, Instant now) {
        return lastCustomerMessage != null && now.isBefore(lastCustomerMessage.plus(length));
    }
}
