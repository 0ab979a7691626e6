package com.crmfactory.messaging.ingest.webhook;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.twilio.security.RequestValidator;

/**
 * Checks {@code X-Twilio-Signature} with the Twilio SDK's {@link RequestValidator}: HMAC-SHA1 of the URL
 * plus every POST parameter sorted by name, keyed by the primary auth token, compared in constant time
 * (the SDK also tries the URL with and without its default port).
 */
@Component
class SignatureVerifier {

    private final RequestValidator validator;

    SignatureVerifier(TwilioProperties twilio) {
        this.validator = new RequestValidator(twilio.authToken());
    }

    boolean isValid(String url, Map<String, String> params, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return validator.validate(url, params, signature);
    }
}
