package com.crmfactory.messaging.ingest.webhook;

import org.springframework.http.HttpStatus;

/**
 * Why a webhook was not accepted. Each carries the HTTP status Twilio gets, a short {@link #reason()}
 * (the metric tag) and, for bad input, the {@link #field()} at fault. Rendered as problem+json by
 * {@link WebhookExceptionHandler}; nothing has been published when one is thrown.
 */
public final class WebhookRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final String reason;
    private final String title;
    private final String field;

    private WebhookRejectedException(HttpStatus status, String reason, String title, String detail, String field,
            Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.reason = reason;
        this.title = title;
        this.field = field;
    }

    public static WebhookRejectedException invalidSignature(String detail) {
        return new WebhookRejectedException(HttpStatus.FORBIDDEN, "signature", "Invalid signature", detail,
                TwilioWebhookReader.SIGNATURE_HEADER, null);
    }

    /** A webhook that is not Twilio-signed failed its own authentication (e-mail token or signature). */
    public static WebhookRejectedException forbidden(String field, String detail) {
        return new WebhookRejectedException(HttpStatus.FORBIDDEN, "signature", "Forbidden", detail, field, null);
    }

    /** A webhook signed with a shared secret (the ERP's) failed its check: 401 naming the header at fault. */
    public static WebhookRejectedException unauthenticated(String field, String detail) {
        return new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "signature", "Unauthorized", detail, field, null);
    }

    /** The webhook is not configured on this installation (its secret is unset): nothing can be verified. */
    public static WebhookRejectedException notConfigured(String detail) {
        return new WebhookRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "not_configured", "Not configured", detail,
                null, null);
    }

    public static WebhookRejectedException unknownOrg(String field, String orgId) {
        return new WebhookRejectedException(HttpStatus.NOT_FOUND, "unknown_org", "Unknown organisation",
                "No active organisation " + orgId + ".", field, null);
    }

    public static WebhookRejectedException tooLarge(long limit) {
        return new WebhookRejectedException(HttpStatus.CONTENT_TOO_LARGE, "too_large", "Payload too large",
                "Webhook bodies are limited to " + limit + " bytes.", null, null);
    }

    public static WebhookRejectedException badRequest(String field, String detail) {
        return new WebhookRejectedException(HttpStatus.BAD_REQUEST, "bad_request", "Invalid webhook", detail, field,
                null);
    }

    public static WebhookRejectedException unknownNumber(String field, String maskedNumber) {
        return new WebhookRejectedException(HttpStatus.NOT_FOUND, "unknown_number", "Unknown number",
                "No organisation receives messages on " + maskedNumber + ".", field, null);
    }

    /** The tenant directory has not read platform.tenants.v1 up to its end yet: retry shortly. */
    public static WebhookRejectedException notReady() {
        return new WebhookRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "not_ready", "Not ready",
                "The tenant directory is still loading; retry shortly.", null, null);
    }

    /** Kafka did not acknowledge the event in time: answer 503 so Twilio can retry. */
    public static WebhookRejectedException unavailable(Throwable cause) {
        return new WebhookRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "publish_failed", "Temporarily unavailable",
                "The message could not be stored; retry later.", null, cause);
    }

    public HttpStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String title() {
        return title;
    }

    /** The parameter or header at fault, or null. */
    public String field() {
        return field;
    }
}
