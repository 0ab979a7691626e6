package com.crmfactory.messaging.conversation.contact;

import java.util.Locale;

/**
 * Customer addresses as the provider writes them: an SMS or voice address is an E.164 number, a
 * WhatsApp address is {@code whatsapp:+…}; one contact can own both forms of the same number.
 */
public final class Addresses {

    public static final String WHATSAPP_PREFIX = "whatsapp:";
    public static final String E164 = "\\+[1-9][0-9]{6,14}";

    private Addresses() {
    }

    /** The phone number without a channel prefix ({@code whatsapp:+1415…} → {@code +1415…}). */
    public static String bare(String address) {
        if (address == null) {
            return null;
        }
        String trimmed = address.trim();
        return isWhatsapp(trimmed) ? trimmed.substring(WHATSAPP_PREFIX.length()) : trimmed;
    }

    /** The WhatsApp address of a number ({@code +1415…} → {@code whatsapp:+1415…}). */
    public static String whatsapp(String address) {
        return address == null ? null : WHATSAPP_PREFIX + bare(address);
    }

    public static boolean isWhatsapp(String address) {
        return address != null && address.regionMatches(true, 0, WHATSAPP_PREFIX, 0, WHATSAPP_PREFIX.length());
    }

    public static String email(String address) {
        return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
    }
}
