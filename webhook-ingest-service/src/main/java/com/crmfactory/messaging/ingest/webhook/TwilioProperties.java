package com.crmfactory.messaging.ingest.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Twilio account's primary auth token ({@code PLATFORM_TWILIO_AUTH_TOKEN}), which signs every webhook.
 * Required: without it no webhook can be verified, so the service refuses to start rather than answer
 * 403 to everything. Never logged ({@link #toString()} hides it).
 */
@ConfigurationProperties("platform.twilio")
public record TwilioProperties(String authToken) {

    public TwilioProperties {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalStateException("PLATFORM_TWILIO_AUTH_TOKEN (platform.twilio.auth-token) must be set: "
                    + "it verifies the X-Twilio-Signature of every webhook");
        }
    }

    @Override
    public String toString() {
        return "TwilioProperties[authToken=***]";
    }
}
