package com.crmfactory.messaging.twilio;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's Twilio account ({@code platform.twilio.*}, from the {@code PLATFORM_TWILIO_*} environment
 * variables). Every service that talks to Twilio or checks its signatures binds this one record.
 *
 * @param accountSid {@code AC…}
 * @param authToken signs webhooks and authenticates API calls; never logged
 * @param apiBaseUrl unset = the real Twilio; else every SDK request goes to this origin (the devstack's
 *        simulator, a test's fake). Use {@code localhost}, an IP or a host of 1 or 3+ labels: the SDK rewrites
 *        2-label host names (docs/twilio.md#pointing-the-sdk-elsewhere)
 * @param smsNumber default SMS sender when the org has none (E.164)
 * @param whatsappNumber default WhatsApp sender ({@code whatsapp:} prefix optional)
 * @param connectTimeout TCP connect timeout towards Twilio
 * @param readTimeout how long to wait for Twilio's answer
 * @param maxConnections pooled connections towards Twilio (per host and in all)
 */
@ConfigurationProperties("platform.twilio")
public record TwilioProperties(String accountSid, String authToken, String apiBaseUrl, String smsNumber,
        String whatsappNumber, @DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("100") int maxConnections) {

    /** Whether both credentials are set. */
    public boolean configured() {
        return accountSid != null && !accountSid.isBlank() && hasAuthToken();
    }

    public boolean hasAuthToken() {
        return authToken != null && !authToken.isBlank();
    }

    /** The origin to redirect to, or null for the real Twilio (blank counts as unset). */
    public String redirectOrigin() {
        if (apiBaseUrl == null || apiBaseUrl.isBlank()) {
            return null;
        }
        String origin = apiBaseUrl.strip();
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "TwilioProperties[accountSid=" + accountSid + ", apiBaseUrl=" + apiBaseUrl + ", authToken="
                + (hasAuthToken() ? "***" : "unset") + "]";
    }
}
