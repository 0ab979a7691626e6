package com.crmfactory.messaging.template.approval;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's Twilio account ({@code platform.twilio.*}; application.yml maps
 * {@code PLATFORM_TWILIO_ACCOUNT_SID} and {@code PLATFORM_TWILIO_AUTH_TOKEN} onto it).
 *
 * @param apiBaseUrl unset = the real Twilio; else every SDK request goes to this origin instead (the
 *        devstack's Twilio simulator, a test's fake), e.g. {@code http://localhost:18080}. Use
 *        {@code localhost}, an IP or a host of 1 or 3+ labels: the SDK mangles 2-label host names.
 * @param connectTimeout TCP connect timeout towards Twilio
 * @param readTimeout how long to wait for Twilio's answer
 */
@ConfigurationProperties("platform.twilio")
public record TwilioProperties(String accountSid, String authToken, String apiBaseUrl,
        @DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout) {

    public boolean configured() {
        return accountSid != null && !accountSid.isBlank() && authToken != null && !authToken.isBlank();
    }

    /** The origin to redirect to, or null for the real Twilio (blank counts as unset). */
    public String redirectOrigin() {
        if (apiBaseUrl == null || apiBaseUrl.isBlank()) {
            return null;
        }
        String origin = apiBaseUrl.strip();
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    /** Never print the token. */
    @Override
    public String toString() {
        return "TwilioProperties[accountSid=" + accountSid + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
}
