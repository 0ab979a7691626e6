package com.crmfactory.messaging.events.common;

import com.crmfactory.messaging.events.EventPayload;
import com.crmfactory.messaging.events.Redacted;

/**
 * Org settings other services need. Never secrets: this travels on a compacted topic.
 *
 * @param voiceGreeting           what a caller hears before leaving a voicemail (null: the platform's default)
 * @param voiceSmsReplies         whether replies to a voice session go to the caller by SMS (null: yes)
 * @param emailInboundTokenSha256 hex SHA-256 of the org's inbound e-mail webhook token (the token itself is
 *                                shown once by the gateway and never published)
 * @param emailSignaturePublicKey base64 public key of the org's SendGrid signed-webhook policy (public by nature)
 */
@EventPayload
public record TenantSettings(String helpText, String defaultLanguage, String timeZone, String voiceGreeting,
        Boolean voiceSmsReplies, String emailInboundTokenSha256, String emailSignaturePublicKey) {

    public TenantSettings(String helpText, String defaultLanguage, String timeZone) {
        this(helpText, defaultLanguage, timeZone, null, null, null, null);
    }

    /** Replies to a voice session go out by SMS unless the org turned it off. */
    public boolean voiceSmsRepliesEnabled() {
        return voiceSmsReplies == null || voiceSmsReplies;
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
