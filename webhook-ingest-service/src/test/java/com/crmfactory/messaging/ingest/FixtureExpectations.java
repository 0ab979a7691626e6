package com.crmfactory.messaging.ingest;

import static com.crmfactory.messaging.events.testing.MessageReceivedBuilder.aMessageReceived;

import java.time.Instant;
import java.util.List;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.common.InteractiveReply;
import com.crmfactory.messaging.events.common.InteractiveReplyType;
import com.crmfactory.messaging.events.common.Location;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.OptOutType;
import com.crmfactory.messaging.events.common.TriggerChannel;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.testing.MessageReceivedBuilder;

/**
 * What each Twilio fixture must become, written out by hand from the fixture files (not derived from the
 * code under test). Timestamps are placeholders: compare ignoring {@code receivedAt}/{@code reportedAt}.
 */
public final class FixtureExpectations {

    public static final Instant ANY_TIME = Instant.EPOCH;
    private static final String CUSTOMER = "+15555550123";
    private static final String BUSINESS = "+15555550100";
    private static final String WA_CUSTOMER = "whatsapp:+15555550123";
    private static final String WA_BUSINESS = "whatsapp:+15555550100";
    private static final String MG = "MGc8bffbe4a6f4d7eec602a85352babca6";

    private FixtureExpectations() {
    }

    public static MessageReceived inbound(String fixture, String orgId) {
        return switch (fixture) {
            case "sms-inbound.txt" -> sms(orgId, "SM38da8f7ecda5180da870dd4d3a14c887")
                    .body("Ahoy! Let's build something amazing.").build();
            case "mms-inbound-image.txt" -> sms(orgId, "MMf18ac770c81ec6e2d766e32dcdf98026").triggerChannel(TriggerChannel.MMS)
                    .body("Here is the photo of the receipt")
                    .media(List.of(new Media("https://api.twilio.com/2010-04-01/Accounts/AC9af211329b2fc82e5efe906062c73008/"
                            + "Messages/MMf18ac770c81ec6e2d766e32dcdf98026/Media/MEa82adc08f311f8b7dcec26d49768c843",
                            "image/jpeg")))
                    .build();
            case "sms-stop.txt" -> sms(orgId, "SM9d9b0653d20ff23e3982514bf87c3b03").body("STOP").optOutType(OptOutType.STOP)
                    .messagingServiceSid(MG).build();
            case "whatsapp-inbound-text.txt" -> whatsapp(orgId, "SMf8f6e3a6f73d977092eba5a8ebd10b27")
                    .body("Hi, what time do you open tomorrow?").build();
            case "whatsapp-button-reply.txt" -> whatsapp(orgId, "SMb399df7d4bcf68cdb78973f6fd879d48").body("Confirm")
                    .interactiveReply(new InteractiveReply(InteractiveReplyType.BUTTON, "confirm_booking_42", "Confirm"))
                    .inReplyToProviderMessageId("MM09b2e663efcba8bf881d6a7194b6364f").build();
            case "whatsapp-list-reply.txt" -> whatsapp(orgId, "SMec9d0502c71ac5e81cbb8039d7506817").body("Tuesday 09:00")
                    .interactiveReply(new InteractiveReply(InteractiveReplyType.LIST, "slot_tue_0900", "Tuesday 09:00"))
                    .inReplyToProviderMessageId("MM4801beaee38962b15bf2ff821d4b7f5c").build();
            case "whatsapp-location.txt" -> whatsapp(orgId, "SM876e1c7f4155d41172453470aef60df8").body("")
                    .location(new Location(51.51322977399644, -0.2197976373036567,
                            "187 Freston Road, London, Greater London W10 6TH", "The Harrow Club"))
                    .build();
            default -> throw new IllegalArgumentException("no expectation for " + fixture);
        };
    }

    /** An SMS from the fixtures' customer to the fixtures' business number; the rest as each fixture says. */
    private static MessageReceivedBuilder sms(String orgId, String sid) {
        return aMessageReceived().orgId(orgId).providerMessageId(sid).channel(Channel.SMS).triggerChannel(TriggerChannel.SMS)
                .from(CUSTOMER).to(BUSINESS).receivedAt(ANY_TIME);
    }

    /** A WhatsApp message from Ada Lovelace, the fixtures' WhatsApp customer. */
    private static MessageReceivedBuilder whatsapp(String orgId, String sid) {
        return aMessageReceived().orgId(orgId).providerMessageId(sid).channel(Channel.WHATSAPP)
                .triggerChannel(TriggerChannel.WHATSAPP).from(WA_CUSTOMER).to(WA_BUSINESS).profileName("Ada Lovelace")
                .waId("15555550123").receivedAt(ANY_TIME);
    }

    public static DeliveryStatusReported status(String fixture, String orgId, String requestId) {
        String sms = "SM6b816da693d6d4eadc034833182e9d2b";
        String whatsapp = "MM98386cece55f3e6cacbb4bc66ce84ce8";
        return switch (fixture) {
            case "status-queued.txt" -> sms(orgId, sms, DeliveryStatus.QUEUED, "queued", null, requestId);
            case "status-sent.txt" -> sms(orgId, sms, DeliveryStatus.SENT, "sent", null, requestId);
            case "status-delivered.txt" -> sms(orgId, sms, DeliveryStatus.DELIVERED, "delivered", null, requestId);
            case "status-undelivered.txt" -> sms(orgId, sms, DeliveryStatus.UNDELIVERED, "undelivered", "30003", requestId);
            case "status-failed.txt" -> whatsapp(orgId, "SMbdf267053f7e888180c1c8c5d2133cbd", DeliveryStatus.FAILED,
                    "failed", "63016", requestId);
            case "status-read.txt" -> whatsapp(orgId, whatsapp, DeliveryStatus.READ, "read", null, requestId);
            case "status-sent-whatsapp.txt" -> whatsapp(orgId, whatsapp, DeliveryStatus.SENT, "sent", null, requestId);
            case "status-delivered-whatsapp.txt" -> whatsapp(orgId, whatsapp, DeliveryStatus.DELIVERED, "delivered", null,
                    requestId);
            default -> throw new IllegalArgumentException("no expectation for " + fixture);
        };
    }

    private static DeliveryStatusReported sms(String orgId, String sid, DeliveryStatus status, String providerStatus,
            String errorCode, String requestId) {
        return new DeliveryStatusReported(orgId, sid, status, providerStatus, errorCode, null, Channel.SMS, BUSINESS,
                CUSTOMER, requestId, ANY_TIME);
    }

    private static DeliveryStatusReported whatsapp(String orgId, String sid, DeliveryStatus status, String providerStatus,
            String errorCode, String requestId) {
        return new DeliveryStatusReported(orgId, sid, status, providerStatus, errorCode, null, Channel.WHATSAPP,
                WA_BUSINESS, WA_CUSTOMER, requestId, ANY_TIME);
    }
}
