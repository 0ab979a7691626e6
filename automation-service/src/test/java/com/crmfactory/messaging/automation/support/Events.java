package com.crmfactory.messaging.automation.support;

import static com.crmfactory.messaging.events.testing.MessageReceivedBuilder.aMessageReceived;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.common.TriggerChannel;
import com.crmfactory.messaging.events.conversation.SessionOpened;
import com.crmfactory.messaging.events.erp.OrderStatusChanged;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.support.testing.Kafka;

/** Test data and the events other services publish, on the real broker. */
public final class Events {

    public static final String SMS_NUMBER = "+15005550006";
    public static final String WHATSAPP_NUMBER = "whatsapp:+14155238886";
    public static final String EMAIL_ADDRESS = "support@acme.example";

    private Events() {
    }

    public static String org(String label) {
        return label + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    public static String phone() {
        return "+1" + (2_000_000_000L + ThreadLocalRandom.current().nextLong(7_000_000_000L));
    }

    private static String sid() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "SM" + HexFormat.of().formatHex(bytes);
    }

    public static MessageReceived sms(String org, String from, String body) {
        return aMessageReceived().orgId(org).providerMessageId(sid()).from(from).to(SMS_NUMBER).body(body).build();
    }

    public static MessageReceived mms(String org, String from, String body) {
        return aMessageReceived().orgId(org).providerMessageId(sid()).triggerChannel(TriggerChannel.MMS).from(from)
                .to(SMS_NUMBER).body(body).media(List.of(new Media("https://api.twilio.com/media/ME1", "image/jpeg")))
                .build();
    }

    public static MessageReceived whatsapp(String org, String phone, String body, String profileName) {
        return aMessageReceived().orgId(org).providerMessageId(sid()).channel(Channel.WHATSAPP).from("whatsapp:" + phone)
                .to(WHATSAPP_NUMBER).body(body).profileName(profileName).waId(phone.substring(1)).build();
    }

    public static MessageReceived voicemail(String org, String phone, String transcript) {
        return aMessageReceived().orgId(org).providerMessageId("RE" + sid().substring(2)).channel(Channel.VOICE)
                .triggerChannel(TriggerChannel.VOICEMAIL).from(phone).to(SMS_NUMBER).body(transcript).build();
    }

    public static MessageReceived email(String org, String address, String subject, String body) {
        return new MessageReceived(org, "<" + sid() + "@mail.example>", Channel.EMAIL, TriggerChannel.EMAIL, address,
                EMAIL_ADDRESS, body, List.of(), null, null, null, null, null, null, null, Instant.now(), subject,
                "<" + sid() + "@mail.example>", List.of(), List.of());
    }

    /** Publishes a customer message as webhook-ingest-service does; returns its ce_id. */
    public static String publish(MessageReceived message) {
        return Kafka.send(Topics.INBOUND, message.conversationKey().value(), message);
    }

    /** The session conversation-service opens for a customer's first message. */
    public static SessionOpened opened(String org, String sessionId, Channel channel, String address, String name) {
        return new SessionOpened(org, sessionId, "contact-" + sessionId, channel, address,
                channel == Channel.WHATSAPP ? WHATSAPP_NUMBER : SMS_NUMBER, SessionStatus.ACTIVE, name,
                Instant.now().plusSeconds(3600), Instant.now());
    }

    public static String publishConversation(String org, Channel channel, String address,
            com.crmfactory.messaging.events.DomainEvent event) {
        return Kafka.send(Topics.CONVERSATION_EVENTS, ConversationKey.of(org, channel, address).value(), event);
    }

    public static OrderStatusChanged order(String org, String orderNumber, String status, String phone, String email) {
        return new OrderStatusChanged(org, orderNumber, status, "confirmed", phone, email, "Jane Doe",
                Map.of("carrier", "DHL"), Instant.now());
    }

    public static String publish(OrderStatusChanged order) {
        return Kafka.send(Topics.ERP_ORDER_STATUS, order.orgId() + ":" + order.orderNumber(), order);
    }
}
