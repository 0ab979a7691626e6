package com.crmfactory.messaging.conversation.support;

import static com.crmfactory.messaging.events.testing.MessageReceivedBuilder.aMessageReceived;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.crmfactory.messaging.support.testing.Kafka;
import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.Media;
import com.crmfactory.messaging.events.common.TriggerChannel;
import com.crmfactory.messaging.events.inbound.MessageReceived;

/** Test data: unique orgs, numbers and Twilio ids, and the inbound events the ingest service publishes. */
public final class Fixtures {

    public static final String SMS_NUMBER = "+15005550006";
    public static final String WHATSAPP_NUMBER = "whatsapp:+14155238886";

    private Fixtures() {
    }

    public static String org(String prefix) {
        return prefix + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    public static String phone() {
        return "+1" + (2_000_000_000L + ThreadLocalRandom.current().nextLong(7_000_000_000L));
    }

    public static String sid() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "SM" + HexFormat.of().formatHex(bytes);
    }

    public static MessageReceived sms(String org, String from, String body) {
        return sms(org, from, body, Instant.now());
    }

    public static MessageReceived sms(String org, String from, String body, Instant at) {
        return aMessageReceived().orgId(org).providerMessageId(sid()).from(from).to(SMS_NUMBER).body(body).receivedAt(at)
                .build();
    }

    public static MessageReceived mms(String org, String from, String body, String mediaUrl) {
        return aMessageReceived().orgId(org).providerMessageId(sid()).triggerChannel(TriggerChannel.MMS).from(from)
                .to(SMS_NUMBER).body(body).media(List.of(new Media(mediaUrl, "image/jpeg"))).build();
    }

    public static MessageReceived whatsapp(String org, String phone, String body, String profileName, Instant at) {
        return aMessageReceived().orgId(org).providerMessageId(sid()).channel(Channel.WHATSAPP).from("whatsapp:" + phone)
                .to(WHATSAPP_NUMBER).body(body).profileName(profileName).waId(phone.substring(1)).receivedAt(at).build();
    }

    /** Publishes a customer message on messaging.inbound.v1 as the ingest service does. */
    public static String publish(MessageReceived received) {
        return Kafka.send(Topics.INBOUND, received.conversationKey().value(), received);
    }

    public static String key(String org, Channel channel, String address) {
        return ConversationKey.of(org, channel, address).value();
    }
}
