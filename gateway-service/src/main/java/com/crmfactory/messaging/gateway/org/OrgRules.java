package com.crmfactory.messaging.gateway.org;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;

import com.crmfactory.messaging.events.common.TenantStatus;
import com.crmfactory.messaging.gateway.web.InvalidFieldsException;
import com.crmfactory.messaging.support.web.OrgContextToken;

/** What an org's fields may hold; the admin API and the bootstrap both go through here. */
final class OrgRules {

    static final int MAX_NAME = 200;
    static final int MAX_HELP_TEXT = 480;
    static final int MAX_GREETING = 480;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private OrgRules() {
    }

    static void checkNew(OrgRequests.Create request) {
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        // the id travels in the signed org context and in conversation keys, so it keeps their shape
        errors.check(request.id() == null || OrgContextToken.isValidOrgId(request.id()), "id",
                "id must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit");
        errors.check(request.name() != null && !request.name().isBlank(), "name", "name is required");
        checkCommon(errors, request.name(), request.helpText(), request.defaultLanguage(), request.timeZone());
        errors.throwIfAny();
    }

    static void checkChanges(OrgRequests.Update request) {
        InvalidFieldsException.Collector errors = new InvalidFieldsException.Collector();
        errors.check(request.name() == null || !request.name().isBlank(), "name", "name must not be blank");
        errors.check(request.status() == null || status(request.status()) != null, "status",
                "status must be active or suspended");
        checkCommon(errors, request.name(), request.helpText(), request.defaultLanguage(), request.timeZone());
        errors.check(request.voiceGreeting() == null || request.voiceGreeting().length() <= MAX_GREETING, "voiceGreeting",
                "voiceGreeting has at most " + MAX_GREETING + " characters");
        errors.check(empty(request.emailSignaturePublicKey()) || publicKey(request.emailSignaturePublicKey()),
                "emailSignaturePublicKey", "emailSignaturePublicKey must be the base64 EC public key SendGrid shows");
        errors.throwIfAny();
    }

    private static boolean publicKey(String base64) {
        try {
            java.security.KeyFactory.getInstance("EC").generatePublic(
                    new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(base64.strip())));
            return true;
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void checkCommon(InvalidFieldsException.Collector errors, String name, String helpText,
            String language, String timeZone) {
        errors.check(name == null || name.strip().length() <= MAX_NAME, "name", "name has at most " + MAX_NAME + " characters");
        errors.check(helpText == null || helpText.length() <= MAX_HELP_TEXT, "helpText",
                "helpText has at most " + MAX_HELP_TEXT + " characters");
        errors.check(empty(language) || LANGUAGE.matcher(language).matches(), "defaultLanguage",
                "defaultLanguage must be a language tag such as en or pt-BR");
        errors.check(empty(timeZone) || validZone(timeZone), "timeZone", "timeZone must be an IANA zone such as Europe/Lisbon");
    }

    /** The status a request names, or null for anything else. */
    static TenantStatus status(String value) {
        for (TenantStatus status : TenantStatus.values()) {
            if (status.wire().equalsIgnoreCase(value)) {
                return status;
            }
        }
        return null;
    }

    /** An optional text field: null keeps the current value, "" clears it. */
    static String merge(String current, String requested) {
        if (requested == null) {
            return current;
        }
        return requested.isBlank() ? null : requested.strip();
    }

    static String blankToNull(String value) {
        return empty(value) ? null : value.strip();
    }

    private static boolean empty(String value) {
        return value == null || value.isBlank();
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
