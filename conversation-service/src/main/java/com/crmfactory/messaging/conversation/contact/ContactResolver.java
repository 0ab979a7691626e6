package com.crmfactory.messaging.conversation.contact;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.common.Channel;

/**
 * Finds the contact behind a customer address, creating it on the customer's first message. An SMS
 * number and the WhatsApp address of the same number belong to one contact. The caller serialises
 * concurrent calls for one number (an advisory lock) so the same customer is never created twice.
 */
@Component
public class ContactResolver {

    private final ContactRepository contacts;

    ContactResolver(ContactRepository contacts) {
        this.contacts = contacts;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Contact resolve(String orgId, Channel channel, String address, String profileName, Instant now) {
        Contact contact = switch (channel.conversationChannel()) {
            case WHATSAPP -> byWhatsapp(orgId, address, now);
            case EMAIL -> contacts.findByOrgIdAndEmail(orgId, Addresses.email(address))
                    .orElseGet(() -> created(orgId, now, c -> c.setEmail(Addresses.email(address))));
            default -> byPhone(orgId, Addresses.bare(address), now);
        };
        if (profileName != null && !profileName.isBlank() && !Objects.equals(profileName, contact.getWhatsappProfileName())) {
            contact.setWhatsappProfileName(profileName);
            contact.touch(now);
        }
        return contact;
    }

    private Contact byWhatsapp(String orgId, String address, Instant now) {
        String whatsapp = Addresses.whatsapp(address);
        String phone = Addresses.bare(address);
        Contact contact = contacts.findByOrgIdAndWhatsappAddress(orgId, whatsapp)
                .or(() -> contacts.findByOrgIdAndPhone(orgId, phone).filter(c -> c.getWhatsappAddress() == null))
                .orElseGet(() -> created(orgId, now, c -> {
                    c.setWhatsappAddress(whatsapp);
                    if (contacts.findByOrgIdAndPhone(orgId, phone).isEmpty()) {
                        c.setPhone(phone);
                    }
                }));
        if (contact.getWhatsappAddress() == null) {
            contact.setWhatsappAddress(whatsapp);
            contact.touch(now);
        }
        return contact;
    }

    private Contact byPhone(String orgId, String phone, Instant now) {
        Contact contact = contacts.findByOrgIdAndPhone(orgId, phone)
                .or(() -> contacts.findByOrgIdAndWhatsappAddress(orgId, Addresses.whatsapp(phone))
                        .filter(c -> c.getPhone() == null))
                .orElseGet(() -> created(orgId, now, c -> c.setPhone(phone)));
        if (contact.getPhone() == null) {
            contact.setPhone(phone);
            contact.touch(now);
        }
        return contact;
    }

    private Contact created(String orgId, Instant now, Consumer<Contact> addresses) {
        Contact contact = new Contact(orgId, now);
        addresses.accept(contact);
        return contacts.save(contact);
    }
}
