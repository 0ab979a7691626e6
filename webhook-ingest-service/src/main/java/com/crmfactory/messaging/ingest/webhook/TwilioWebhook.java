package com.crmfactory.messaging.ingest.webhook;

import java.util.Map;

/**
 * A webhook whose signature has been verified: every parameter Twilio posted (decoded, in the order
 * sent, unknown ones included) and the query parameters of the URL it was posted to. Only
 * {@link TwilioWebhookReader} creates one, so holding one means Twilio sent it.
 *
 * @param url    the public URL the signature was checked against
 * @param params the form parameters
 * @param query  the URL's query parameters (ours, e.g. {@code requestId} on status callbacks)
 */
public record TwilioWebhook(String url, Map<String, String> params, Map<String, String> query) {

    public TwilioWebhook {
        params = Map.copyOf(params);
        query = Map.copyOf(query);
    }

    /** A parameter that must be present and not blank; 400 naming it otherwise. */
    public String required(String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw WebhookRejectedException.badRequest(name, "Parameter " + name + " is required.");
        }
        return value;
    }

    /** The parameter as sent (an empty string stays empty), or null when absent. */
    public String param(String name) {
        return params.get(name);
    }

    /** The parameter, or null when absent or blank (for ids and enum-like values). */
    public String text(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
