package com.crmfactory.messaging.conversation.contact;

import com.crmfactory.messaging.events.Redacted;

import java.time.Instant;

/** A contact as the API lists, creates and updates it (the single-contact view with its conversations is the inbox's). */
public record ContactResponse(
        String id,
        String name,
        String phone,
        String whatsappAddress,
        String email,
        String whatsappProfileName,
        Instant createdAt,
        Instant updatedAt) {

    public static ContactResponse of(Contact contact) {
        return new ContactResponse(contact.getId().toString(), contact.getName(), contact.getPhone(),
                contact.getWhatsappAddress(), contact.getEmail(), contact.getWhatsappProfileName(),
                contact.getCreatedAt(), contact.getUpdatedAt());
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
