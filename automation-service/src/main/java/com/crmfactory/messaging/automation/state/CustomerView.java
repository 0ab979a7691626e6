package com.crmfactory.messaging.automation.state;

import com.crmfactory.messaging.events.Redacted;

/**
 * What the engine knows of one customer of an org.
 *
 * @param lastChannel   the channel of the customer's last message (sms, mms, whatsapp, email, voicemail)
 * @param lastAddress   the customer's address on that channel as the provider writes it
 * @param lastSessionId the customer's last session, when conversation-service has told us
 */
public record CustomerView(String name, String phone, String email, String lastChannel, String lastAddress,
        String lastSessionId) {

    public static final CustomerView UNKNOWN = new CustomerView(null, null, null, null, null, null);

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
