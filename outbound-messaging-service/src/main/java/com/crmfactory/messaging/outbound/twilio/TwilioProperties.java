package com.crmfactory.messaging.outbound.twilio;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's Twilio account ({@code platform.twilio.*}, from {@code PLATFORM_TWILIO_*}).
 *
 * @param apiBaseUrl unset = the real Twilio; else every SDK request goes to this origin (the devstack's
 *        simulator, a test's fake). Use {@code localhost}, an IP or 1 or 3+ label hosts: the SDK mangles 2-label hosts.
 * @param smsNumber default SMS sender when the org has none
 * @param whatsappNumber default WhatsApp sender ({@code whatsapp:} prefix optional)
 */
@ConfigurationProperties("platform.twilio")
public record TwilioProperties(String accountSid, String authToken, String apiBaseUrl, String smsNumber,
        String whatsappNumber, @DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout) {

    public boolean configured() {
        return accountSid != null && !accountSid.isBlank() && authToken != null && !authToken.isBlank();
    }

    public String redirectOrigin() {
        if (apiBaseUrl == null || apiBaseUrl.isBlank()) {
            return null;
        }
        String origin = apiBaseUrl.strip();
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    @Override
    public String toString() {
        return "TwilioProperties[accountSid=" + accountSid + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
}
