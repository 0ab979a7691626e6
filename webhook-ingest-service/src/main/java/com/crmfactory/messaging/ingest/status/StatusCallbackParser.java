package com.crmfactory.messaging.ingest.status;

import java.time.Instant;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.ingest.webhook.TwilioWebhook;

/**
 * Maps a Twilio status callback onto {@link DeliveryStatusReported}. The status is mapped with
 * {@link DeliveryStatus#fromProvider} (unknown values become {@code unknown}, which never moves a
 * message) and Twilio's own value is kept beside it. Our outbound request id rides in the callback URL we
 * gave Twilio ({@code ?requestId=…}), which the signature covers.
 */
final class StatusCallbackParser {

    static final String REQUEST_ID = "requestId";

    private StatusCallbackParser() {
    }

    static DeliveryStatusReported parse(TwilioWebhook webhook, String orgId, Instant reportedAt) {
        String providerStatus = providerStatus(webhook);
        String from = webhook.text("From");
        String to = webhook.text("To");
        return new DeliveryStatusReported(orgId, webhook.required("MessageSid"), DeliveryStatus.fromProvider(providerStatus),
                providerStatus, webhook.text("ErrorCode"), errorMessage(webhook), channel(webhook, from, to), from, to,
                blankToNull(webhook.query().get(REQUEST_ID)), reportedAt);
    }

    /** {@code MessageStatus}, or the deprecated duplicate {@code SmsStatus}; 400 naming MessageStatus when neither. */
    static String providerStatus(TwilioWebhook webhook) {
        String status = webhook.text("MessageStatus");
        if (status == null) {
            status = webhook.text("SmsStatus");
        }
        return status != null ? status : webhook.required("MessageStatus");
    }

    /** Twilio does not document {@code ErrorMessage}; WhatsApp failures explain themselves in {@code ChannelStatusMessage}. */
    private static String errorMessage(TwilioWebhook webhook) {
        String message = webhook.text("ErrorMessage");
        return message != null ? message : webhook.text("ChannelStatusMessage");
    }

    private static Channel channel(TwilioWebhook webhook, String from, String to) {
        boolean whatsapp = "whatsapp".equalsIgnoreCase(webhook.text("ChannelPrefix"))
                || isWhatsApp(from) || isWhatsApp(to);
        return whatsapp ? Channel.WHATSAPP : Channel.SMS;
    }

    private static boolean isWhatsApp(String address) {
        return address != null && address.regionMatches(true, 0, "whatsapp:", 0, 9);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
