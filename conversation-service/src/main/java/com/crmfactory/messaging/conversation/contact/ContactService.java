package com.crmfactory.messaging.conversation.contact;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.web.Ids;
import com.crmfactory.messaging.conversation.web.PageParams;
import com.crmfactory.messaging.conversation.web.PageResponse;
import com.crmfactory.messaging.support.web.ConflictException;
import com.crmfactory.messaging.support.web.NotFoundException;
import com.crmfactory.messaging.support.web.UnprocessableException;

/** The org's contacts through the API: list, create, partial update (the view with conversations: inbox's {@code ContactDetailService}). */
@Service
public class ContactService {

    private final ContactRepository contacts;
    private final Clock clock;

    ContactService(ContactRepository contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResponse<ContactResponse> list(String orgId, String query, Integer page, Integer size) {
        Pageable pageable = PageParams.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
        if (query == null || query.isBlank()) {
            return PageResponse.of(contacts.findByOrgId(orgId, pageable), ContactResponse::of);
        }
        String pattern = "%" + query.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return PageResponse.of(contacts.search(orgId, pattern, pageable), ContactResponse::of);
    }

    @Transactional
    public ContactResponse create(String orgId, ContactRequests.Create request) {
        Contact contact = new Contact(orgId, clock.instant());
        contact.setName(blankToNull(request.name()));
        contact.setWhatsappProfileName(blankToNull(request.whatsappProfileName()));
        setAddresses(contact, blankToNull(request.phone()), blankToNull(request.whatsappAddress()),
                blankToNull(request.email()));
        return ContactResponse.of(save(contact));
    }

    @Transactional
    public ContactResponse update(String orgId, String id, ContactRequests.Update request) {
        Contact contact = owned(orgId, id);
        if (request.name() != null) {
            contact.setName(blankToNull(request.name()));
        }
        if (request.whatsappProfileName() != null) {
            contact.setWhatsappProfileName(blankToNull(request.whatsappProfileName()));
        }
        setAddresses(contact,
                request.phone() == null ? contact.getPhone() : blankToNull(request.phone()),
                request.whatsappAddress() == null ? contact.getWhatsappAddress() : blankToNull(request.whatsappAddress()),
                request.email() == null ? contact.getEmail() : blankToNull(request.email()));
        contact.touch(clock.instant());
        return ContactResponse.of(save(contact));
    }

    private void setAddresses(Contact contact, String phone, String whatsapp, String email) {
        if (phone == null && whatsapp == null && email == null) {
            throw new UnprocessableException("phone", "A contact needs a phone number, a WhatsApp address or an e-mail address.");
        }
        String orgId = contact.getOrgId();
        String whatsappAddress = Addresses.whatsapp(whatsapp);
        String emailAddress = Addresses.email(email);
        ensureFree(contact, "phone number", phone == null ? Optional.empty() : contacts.findByOrgIdAndPhone(orgId, phone));
        ensureFree(contact, "WhatsApp address", whatsappAddress == null ? Optional.empty()
                : contacts.findByOrgIdAndWhatsappAddress(orgId, whatsappAddress));
        ensureFree(contact, "e-mail address", emailAddress == null ? Optional.empty()
                : contacts.findByOrgIdAndEmail(orgId, emailAddress));
        contact.setPhone(phone);
        contact.setWhatsappAddress(whatsappAddress);
        contact.setEmail(emailAddress);
    }

    private static void ensureFree(Contact contact, String what, Optional<Contact> holder) {
        if (holder.isPresent() && !holder.get().getId().equals(contact.getId())) {
            throw new ConflictException("Another contact of this organisation already has this " + what + ".");
        }
    }

    private Contact save(Contact contact) {
        try {
            return contacts.saveAndFlush(contact);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Another contact of this organisation already has this address.");
        }
    }

    /** The org's contact with this id; 404 for another org's or an unknown one. */
    @Transactional(readOnly = true)
    public Contact owned(String orgId, String id) {
        Optional<UUID> uuid = Ids.parse(id);
        return uuid.flatMap(value -> contacts.findByIdAndOrgId(value, orgId))
                .orElseThrow(() -> new NotFoundException("Contact", id));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
