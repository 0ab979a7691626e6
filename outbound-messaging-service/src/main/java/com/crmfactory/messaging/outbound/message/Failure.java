package com.crmfactory.messaging.outbound.message;

/**
 * Why a request was not sent, as {@code OutboundMessageFailed} reports it.
 *
 * @param code         our failure code ({@code opted_out}, {@code template_required}, {@code rate_limited}, …)
 * @param reason       a sentence for people
 * @param retryable    whether the requester may try the same again later (the send itself is never retried)
 * @param providerCode Twilio's error code, when Twilio refused it
 */
public record Failure(String code, String reason, boolean retryable, String providerCode) {

    /** Trying the same again would fail again (refused by policy) or could duplicate the message. */
    public static Failure permanent(String code, String reason) {
        return new Failure(code, reason, false, null);
    }

    /** It could not go out now (provider or mail server unavailable, rate limited): later it may. */
    public static Failure temporary(String code, String reason) {
        return new Failure(code, reason, true, null);
    }

    /** Twilio refused it with {@code providerCode}. */
    public static Failure byProvider(String code, String reason, String providerCode) {
        return new Failure(code, reason, false, providerCode);
    }
}
