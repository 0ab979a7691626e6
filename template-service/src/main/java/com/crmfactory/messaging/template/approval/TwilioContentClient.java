package com.crmfactory.messaging.template.approval;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.content.v1.content.ApprovalFetch;

/**
 * Twilio's Content API through the official SDK: the WhatsApp approval of a Content resource
 * ({@code GET https://content.twilio.com/v1/Content/{Sid}/ApprovalRequests}). Disabled, not broken,
 * when the deployment has no Twilio credentials.
 */
public class TwilioContentClient {

    static final String DISABLED = "Approval sync is disabled: this deployment has no Twilio credentials. "
            + "Set PLATFORM_TWILIO_ACCOUNT_SID and PLATFORM_TWILIO_AUTH_TOKEN.";

    private final TwilioRestClient client;

    TwilioContentClient(TwilioRestClient client) {
        this.client = client;
    }

    static TwilioContentClient disabled() {
        return new TwilioContentClient(null);
    }

    public boolean enabled() {
        return client != null;
    }

    /**
     * @throws IllegalStateException when disabled
     * @throws TwilioContentException when Twilio does not know the SID, refuses the credentials or cannot be reached
     */
    public ApprovalState approvalOf(String contentSid) {
        if (client == null) {
            throw new IllegalStateException(DISABLED);
        }
        try {
            return ApprovalState.fromWhatsapp(ApprovalFetch.fetcher(contentSid).fetch(client).getWhatsapp());
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            throw new TwilioContentException(status == null ? 0 : status, "Twilio answered " + status
                    + (e.getCode() == null ? "" : " (error " + e.getCode() + ")") + " for Content " + contentSid
                    + ": " + e.getMessage(), e);
        } catch (TwilioException e) {
            throw new TwilioContentException(0, "Twilio's Content API could not be reached: " + e.getMessage(), e);
        }
    }

    /** A failed Content API call; {@code httpStatus} 0 when there was no answer at all. */
    public static class TwilioContentException extends RuntimeException {

        private final int httpStatus;

        TwilioContentException(int httpStatus, String message, Throwable cause) {
            super(message, cause);
            this.httpStatus = httpStatus;
        }

        public boolean notFound() {
            return httpStatus == 404;
        }

        public boolean credentialsRefused() {
            return httpStatus == 401 || httpStatus == 403;
        }
    }
}
