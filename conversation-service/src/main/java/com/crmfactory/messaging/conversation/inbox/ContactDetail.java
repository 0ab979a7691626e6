package com.crmfactory.messaging.conversation.inbox;

import java.time.Instant;
import java.util.List;

import com.crmfactory.messaging.conversation.contact.Contact;
import com.crmfactory.messaging.conversation.session.SessionSummary;
import com.crmfactory.messaging.events.Redacted;

/** One contact with its latest conversations, newest first ({@code conversationsTotal} counts them all). */
public record ContactDetail(
        String id,
        String name,
        String phone,
        String whatsappAddress,
        String email,
        String whatsappProfileName,
        Instant createdAt,
        Instant updatedAt,
        List<SessionSummary> conversations,
        long conversationsTotal) {

    static ContactDetail of(Contact contact, List<SessionSummary> conversations, long total) {
        return new ContactDetail(contact.getId().toString(), contact.getName(), contact.getPhone(),
                contact.getWhatsappAddress(), contact.getEmail(), contact.getWhatsappProfileName(),
                contact.getCreatedAt(), contact.getUpdatedAt(), conversations, total);
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
