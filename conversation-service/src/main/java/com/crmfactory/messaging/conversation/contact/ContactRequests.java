package com.crmfactory.messaging.conversation.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of {@code /api/v1/contacts}. */
public final class ContactRequests {

    static final String PHONE = "^" + Addresses.E164 + "$";
    static final String WHATSAPP = "^(whatsapp:)?" + Addresses.E164 + "$";
    static final String PHONE_MESSAGE = "must be an E.164 number such as +14155550123";
    static final String WHATSAPP_MESSAGE = "must be an E.164 number, optionally prefixed with whatsapp:";

    private ContactRequests() {
    }

    /** A new contact: at least one of phone, WhatsApp address or e-mail. */
    public record Create(
            @Size(max = 200) String name,
            @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            @Pattern(regexp = WHATSAPP, message = WHATSAPP_MESSAGE) String whatsappAddress,
            @Email @Size(max = 320) String email,
            @Size(max = 200) String whatsappProfileName) {
    }

    /** A partial update: an absent or null field stays as it is, an empty string clears it. */
    public record Update(
            @Size(max = 200) String name,
            @Pattern(regexp = "^$|" + PHONE, message = PHONE_MESSAGE) String phone,
            @Pattern(regexp = "^$|" + WHATSAPP, message = WHATSAPP_MESSAGE) String whatsappAddress,
            @Email @Size(max = 320) String email,
            @Size(max = 200) String whatsappProfileName) {
    }
}
