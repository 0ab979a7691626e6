package com.crmfactory.messaging.gateway.auth;

/**
 * Which paths need an org API key. The webhook exemption uses the very prefix the webhook route
 * matches (see application.yml), so a path that skips the key check can only ever reach the ingest
 * service, which checks Twilio's signature instead.
 */
public final class ApiPaths {

    static final String API = "/api/v1";
    static final String WEBHOOKS = "/api/v1/webhooks";

    private ApiPaths() {
    }

    public static boolean needsApiKey(String path) {
        return under(path, API) && !under(path, WEBHOOKS);
    }

    static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
