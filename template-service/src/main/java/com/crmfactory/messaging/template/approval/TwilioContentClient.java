package com.crmfactory.messaging.template.approval;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.content.v1.Content;
import com.twilio.rest.content.v1.content.ApprovalCreate;
import com.twilio.rest.content.v1.content.ApprovalFetch;

/**
 * Twilio's Content API through the official SDK ({@code https://content.twilio.com/v1}): creating, finding
 * and deleting Content resources, submitting one for WhatsApp approval and reading that approval. Every
 * call is one attempt (the SDK's retries are off in twilio-support). Disabled, not broken, when the
 * deployment has no Twilio credentials.
 */
public class TwilioContentClient {

    public static final String DISABLED = "Approval sync and Content provisioning are disabled: this deployment has no "
            + "Twilio credentials. Set PLATFORM_TWILIO_ACCOUNT_SID and PLATFORM_TWILIO_AUTH_TOKEN.";

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
        return call("Content " + contentSid,
                () -> ApprovalState.fromWhatsapp(ApprovalFetch.fetcher(contentSid).fetch(client).getWhatsapp()));
    }

    /** {@code POST /v1/Content}: creates a Content resource and returns its SID. */
    public String create(Content.ContentCreateRequest request) {
        return call("the new Content '" + request.getFriendlyName() + "'", () -> Content.creator(request).create(client).getSid());
    }

    /**
     * {@code GET /v1/Content}, every page: the SIDs of the Content resources with this friendly name, oldest
     * first. Costs a page per 500 resources of the account, so callers ask only when a previous attempt may
     * have created one.
     */
    public List<String> findByFriendlyName(String friendlyName) {
        return call("the Content list", () -> {
            List<Content> found = new ArrayList<>();
            for (Content content : Content.reader().pageSize(500).read(client)) {
                if (friendlyName.equals(content.getFriendlyName())) {
                    found.add(content);
                }
            }
            found.sort(Comparator.comparing(Content::getDateCreated, Comparator.nullsLast(ZonedDateTime::compareTo)));
            return found.stream().map(Content::getSid).toList();
        });
    }

    /** {@code DELETE /v1/Content/{Sid}}. */
    public void delete(String contentSid) {
        call("Content " + contentSid, () -> Content.deleter(contentSid).delete(client));
    }

    /**
     * {@code POST /v1/Content/{Sid}/ApprovalRequests/whatsapp} {@code {name, category}}: asks Meta to approve
     * the content as a WhatsApp template; answers the state Twilio reports right away (usually received).
     */
    public ApprovalState submitForWhatsApp(String contentSid, String name, String category) {
        return call("Content " + contentSid, () -> {
            ApprovalCreate created = ApprovalCreate.creator(contentSid,
                    new ApprovalCreate.ContentApprovalRequest.Builder(name, category).build()).create(client);
            Map<String, Object> whatsapp = new HashMap<>();
            whatsapp.put("status", created.getStatus() == null ? "received" : created.getStatus());
            whatsapp.put("rejection_reason", created.getRejectionReason());
            return ApprovalState.fromWhatsapp(whatsapp);
        });
    }

    private <T> T call(String what, Supplier<T> request) {
        if (client == null) {
            throw new IllegalStateException(DISABLED);
        }
        try {
            return request.get();
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            if (status == null) { // the SDK's wrapping of an I/O failure: no answer at all
                throw new TwilioContentException(0, "Twilio's Content API could not be reached for " + what + ": "
                        + e.getMessage(), e);
            }
            throw new TwilioContentException(status, "Twilio answered " + status
                    + (e.getCode() == null ? "" : " (error " + e.getCode() + ")") + " for " + what
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

        /**
         * Twilio refused the request itself (400, 404, 409, 422…): sending it again cannot help. No answer,
         * 429, 5xx and refused credentials (a deployment can fix those) are worth retrying.
         */
        public boolean permanent() {
            return httpStatus >= 400 && httpStatus < 500 && httpStatus != 429 && !credentialsRefused();
        }
    }
}
