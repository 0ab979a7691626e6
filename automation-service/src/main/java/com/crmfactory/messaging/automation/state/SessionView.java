package com.crmfactory.messaging.automation.state;

import com.crmfactory.messaging.events.Redacted;

/**
 * What the engine knows of one session, from conversation.events.v1.
 *
 * @param channel          the session's channel wire value (sms, whatsapp, voice, email)
 * @param automationDepth  the chain depth of the automation run that last acted on it (0: none)
 */
public record SessionView(String sessionId, String channel, String customerAddress, String contactName, String intent,
        String status, int automationDepth) {

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
