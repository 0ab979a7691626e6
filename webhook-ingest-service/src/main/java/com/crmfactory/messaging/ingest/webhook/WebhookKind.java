package com.crmfactory.messaging.ingest.webhook;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/** Which webhook a request is, for metric tags: inbound messages or delivery status callbacks. */
public enum WebhookKind {
    MESSAGE, STATUS;

    public static final String MESSAGE_PATH = "/api/v1/webhooks/telephony/sms";
    public static final String STATUS_PATH = "/api/v1/webhooks/telephony/status";

    static WebhookKind of(HttpServletRequest request) {
        return request.getRequestURI().endsWith("/status") ? STATUS : MESSAGE;
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
