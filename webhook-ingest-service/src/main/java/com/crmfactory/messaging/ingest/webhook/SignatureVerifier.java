package com.crmfactory.messaging.ingest.webhook;

import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.twilio.TwilioProperties;

import com.twilio.security.RequestValidator;

/**
 * Checks {@code X-Twilio-Signature} with the Twilio SDK's {@link RequestValidator}: HMAC-SHA1 of the URL
 * plus every POST parameter sorted by name, keyed by the primary auth token, compared in constant time
 * (the SDK also tries the URL with and without its default port).
 */
@Component
class SignatureVerifier {

    private final RequestValidator validator;

    @Autowired
    SignatureVerifier(TwilioProperties twilio) {
        this(twilio.authToken());
    }

    /** Requires the token: without it no webhook can be verified, so the service refuses to start rather than answer 403 to all. */
    SignatureVerifier(String authToken) {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalStateException("PLATFORM_TWILIO_AUTH_TOKEN (platform.twilio.auth-token) must be set: "
                    + "it verifies the X-Twilio-Signature of every webhook");
        }
        this.validator = new RequestValidator(authToken);
    }

    boolean isValid(String url, Map<String, String> params, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return validator.validate(url, params, signature);
    }
}
