package com.crmfactory.messaging.ingest.webhook;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which webhook a request is, for metric tags: inbound messages, delivery status callbacks, calls, e-mails, ERP
 * order status changes.
 */
public enum WebhookKind {
    MESSAGE, STATUS, VOICE, EMAIL, ERP;

    public static final String MESSAGE_PATH = "/api/v1/webhooks/telephony/sms";
    public static final String STATUS_PATH = "/api/v1/webhooks/telephony/status";
    /** The incoming-call webhook; its callbacks live below it ({@code …/voice/recorded} and so on). */
    public static final String VOICE_PATH = "/api/v1/webhooks/telephony/voice";
    public static final String EMAIL_PATH = "/api/v1/webhooks/email/inbound";
    public static final String ERP_ORDER_STATUS_PATH = "/api/v1/webhooks/erp/order-status";

    static WebhookKind of(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith(VOICE_PATH)) {
            return VOICE;
        }
        if (path.startsWith(EMAIL_PATH)) {
            return EMAIL;
        }
        if (path.startsWith(ERP_ORDER_STATUS_PATH)) {
            return ERP;
        }
        return path.endsWith("/status") ? STATUS : MESSAGE;
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
