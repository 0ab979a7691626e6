package com.crmfactory.messaging.ingest.tenant;

import java.util.Locale;

import com.crmfactory.messaging.events.common.Channel;

/**
 * The key a sender number is looked up by: its conversation channel and its number without the
 * provider's prefix. Twilio writes WhatsApp senders as {@code whatsapp:+14155238886}, while an org may
 * register the same sender as {@code +14155238886} on the WhatsApp channel, or with spaces or dashes;
 * both sides are normalised the same way so they meet.
 */
record SenderAddress(Channel channel, String number) {

    private static final String WHATSAPP_PREFIX = "whatsapp:";

    /** An address as Twilio writes it in {@code To}/{@code From}: the prefix decides the channel. */
    static SenderAddress of(String address) {
        return new SenderAddress(isWhatsApp(address) ? Channel.WHATSAPP : Channel.SMS, number(address));
    }

    /** An org's sender on a channel; a {@code whatsapp:} prefix wins over the channel it was filed under. */
    static SenderAddress of(Channel channel, String address) {
        if (channel == Channel.EMAIL) {
            return email(address);
        }
        return new SenderAddress(isWhatsApp(address) ? Channel.WHATSAPP : channel.conversationChannel(), number(address));
    }

    /** An e-mail address: compared without case (the local part too, as every mail provider we route does). */
    static SenderAddress email(String address) {
        return new SenderAddress(Channel.EMAIL, address.trim().toLowerCase(Locale.ROOT));
    }

    static boolean isWhatsApp(String address) {
        return address.regionMatches(true, 0, WHATSAPP_PREFIX, 0, WHATSAPP_PREFIX.length());
    }

    private static String number(String address) {
        String bare = address.trim();
        int colon = bare.indexOf(':');
        if (colon >= 0 && bare.substring(0, colon).toLowerCase(Locale.ROOT).matches("whatsapp|sms|tel")) {
            bare = bare.substring(colon + 1);
        }
        bare = bare.replaceAll("[\\s().-]", "");
        // "14155238886" and "+14155238886" are the same number (E.164 without its plus, as in WaId)
        return bare.matches("\\d{7,15}") ? "+" + bare : bare;
    }
}
