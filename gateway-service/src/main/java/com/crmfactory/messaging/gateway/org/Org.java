package com.crmfactory.messaging.gateway.org;

import java.time.Instant;

import com.crmfactory.messaging.events.common.TenantSettings;
import com.crmfactory.messaging.events.common.TenantStatus;

/**
 * An org (tenant) as stored: its name, status and the settings other services receive. The inbound e-mail
 * token is stored (and published) only as its SHA-256.
 */
public record Org(String id, String name, TenantStatus status, String helpText, String defaultLanguage,
        String timeZone, String voiceGreeting, Boolean voiceSmsReplies, String emailInboundTokenHash,
        String emailSignaturePublicKey, Instant createdAt, Instant updatedAt) {

    public TenantSettings settings() {
        return new TenantSettings(helpText, defaultLanguage, timeZone, voiceGreeting, voiceSmsReplies,
                emailInboundTokenHash, emailSignaturePublicKey);
    }
}
