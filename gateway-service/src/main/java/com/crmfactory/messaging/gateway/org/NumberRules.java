package com.crmfactory.messaging.gateway.org;

import java.util.Locale;
import java.util.regex.Pattern;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SenderType;
import com.crmfactory.messaging.support.web.UnprocessableException;

/**
 * What a sender number may look like, and its one stored form. Addresses are stored exactly as Twilio
 * sends them in {@code To} ({@code +15555550100}, {@code whatsapp:+15555550100}), because inbound
 * routing compares them verbatim; so a WhatsApp number given without its prefix gets it here.
 */
public final class NumberRules {

    static final String WHATSAPP_PREFIX = "whatsapp:";
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern SHORT_CODE = Pattern.compile("\\d{3,8}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");

    private NumberRules() {
    }

    /** A validated number in its stored form. */
    public record Normalized(Channel channel, String address, SenderType type, String messagingServiceSid) {
    }

    public static Normalized normalize(String channel, String address, String type, String messagingServiceSid) {
        Channel parsedChannel = channel(channel);
        if (address == null || address.isBlank()) {
            throw new UnprocessableException("address", "address is required");
        }
        String trimmed = address.trim();
        if (parsedChannel == Channel.EMAIL) {
            return email(trimmed, type, messagingServiceSid);
        }
        SenderType parsedType = type(parsedChannel, type);
        String sid = messagingServiceSid == null || messagingServiceSid.isBlank() ? null : messagingServiceSid.trim();
        if (sid != null && !MESSAGING_SERVICE_SID.matcher(sid).matches()) {
            throw new UnprocessableException("messagingServiceSid", "messagingServiceSid must look like MG followed by 32 hex digits");
        }
        return new Normalized(parsedChannel, address(parsedChannel, parsedType, trimmed), parsedType, sid);
    }

    private static Channel channel(String channel) {
        if ("sms".equalsIgnoreCase(channel)) {
            return Channel.SMS;
        }
        if ("whatsapp".equalsIgnoreCase(channel)) {
            return Channel.WHATSAPP;
        }
        if ("email".equalsIgnoreCase(channel)) {
            return Channel.EMAIL;
        }
        throw new UnprocessableException("channel", "channel must be sms, whatsapp or email");
    }

    /** An address the org receives e-mail on (SendGrid Inbound Parse): stored in lower case, no sender type. */
    private static Normalized email(String address, String type, String messagingServiceSid) {
        if (!EMAIL.matcher(address).matches()) {
            throw new UnprocessableException("address", "address must be an e-mail address such as support@example.com");
        }
        if (type != null && !type.isBlank()) {
            throw new UnprocessableException("type", "an e-mail address has no type");
        }
        if (messagingServiceSid != null && !messagingServiceSid.isBlank()) {
            throw new UnprocessableException("messagingServiceSid", "an e-mail address has no Messaging Service");
        }
        return new Normalized(Channel.EMAIL, address.toLowerCase(Locale.ROOT), null, null);
    }

    private static SenderType type(Channel channel, String type) {
        if (channel == Channel.WHATSAPP) {
            if (type != null && !type.isBlank() && !type.equalsIgnoreCase("whatsapp")) {
                throw new UnprocessableException("type", "a WhatsApp sender has type whatsapp");
            }
            return SenderType.WHATSAPP;
        }
        if (type == null || type.isBlank()) {
            return SenderType.LONG_CODE;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "long_code" -> SenderType.LONG_CODE;
            case "toll_free" -> SenderType.TOLL_FREE;
            case "short_code" -> SenderType.SHORT_CODE;
            default -> throw new UnprocessableException("type", "an SMS sender's type is long_code, toll_free or short_code");
        };
    }

    private static String address(Channel channel, SenderType type, String address) {
        if (channel == Channel.WHATSAPP) {
            String number = address.regionMatches(true, 0, WHATSAPP_PREFIX, 0, WHATSAPP_PREFIX.length())
                    ? address.substring(WHATSAPP_PREFIX.length()) : address;
            requireE164(number);
            return WHATSAPP_PREFIX + number;
        }
        if (type == SenderType.SHORT_CODE) {
            if (!SHORT_CODE.matcher(address).matches()) {
                throw new UnprocessableException("address", "a short code is 3 to 8 digits");
            }
            return address;
        }
        requireE164(address);
        return address;
    }

    private static void requireE164(String number) {
        if (!E164.matcher(number).matches()) {
            throw new UnprocessableException("address", "address must be an E.164 number such as +15555550100");
        }
    }
}
