package com.crmfactory.messaging.outbound.message;

import com.crmfactory.messaging.events.common.SenderType;
import com.crmfactory.messaging.outbound.twilio.SendPlan;

/** What the send policy decided for one request, before anything leaves the service. */
public sealed interface Decision {

    /** Not sent, never will be for this request id. */
    record Refuse(String channel, String code, String reason, boolean retryable, String providerCode) implements Decision {
    }

    /** Through Twilio from {@code sender}, paced by its sender type. */
    record ViaTwilio(String channel, String sender, SenderType senderType, SendPlan plan) implements Decision {
    }

    /** By e-mail (SMTP). */
    record ViaEmail(String from, String to, String subject, String body) implements Decision {
    }
}
