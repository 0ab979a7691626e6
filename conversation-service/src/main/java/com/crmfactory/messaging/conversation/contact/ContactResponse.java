package com.crmfactory.messaging.conversation.contact;

import java.time.Instant;
import java.util.List;

import com.crmfactory.messaging.conversation.session.SessionSummary;

/** A contact as the API shows it; {@code conversations} only in the single-contact view. */
public record ContactResponse(
        String id,
        String name,
        String phone,
        String whatsappAddress,
        String email,
        String whatsappProfileName,
        Instant createdAt,
        Instant updatedAt,
        List<SessionSummary> conversations,
        Long conversationsTotal) {

    public static ContactResponse of(Contact contact) {
        return of(contact, null, null);
    }

    public static ContactResponse of(Contact contact, List<SessionSummary> conversations, Long total) {
        return new ContactResponse(contact.getId().toString(), contact.getName(), contact.getPhone(),
                contact.getWhatsappAddress(), contact.getEmail(), contact.getWhatsappProfileName(),
                contact.getCreatedAt(), contact.getUpdatedAt(), conversations, total);
    }
}
