package com.crmfactory.messaging.conversation.inbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.contact.Addresses;
import com.crmfactory.messaging.conversation.contact.Contact;
import com.crmfactory.messaging.conversation.contact.ContactService;
import com.crmfactory.messaging.conversation.optout.OptOutService;
import com.crmfactory.messaging.conversation.session.SessionRepository;
import com.crmfactory.messaging.conversation.session.SessionSummary;

/** The single-contact view: a read across contacts and sessions, so it lives on the inbox's read side. */
@Service
public class ContactDetailService {

    /** The view shows this many conversations, newest first; the rest through the conversation list. */
    static final int CONVERSATIONS_IN_VIEW = 50;

    private final ContactService contacts;
    private final SessionRepository sessions;
    private final OptOutService optOuts;

    ContactDetailService(ContactService contacts, SessionRepository sessions, OptOutService optOuts) {
        this.contacts = contacts;
        this.sessions = sessions;
        this.optOuts = optOuts;
    }

    @Transactional(readOnly = true)
    public ContactDetail get(String orgId, String id) {
        Contact contact = contacts.owned(orgId, id);
        var page = sessions.findByOrgIdAndContactId(orgId, contact.getId(), PageRequest.of(0, CONVERSATIONS_IN_VIEW,
                Sort.by(Sort.Order.desc("openedAt"), Sort.Order.desc("id"))));
        List<SessionSummary> conversations = page.getContent().stream().map(SessionSummary::of).toList();
        Set<String> addresses = new LinkedHashSet<>();
        if (contact.getPhone() != null) {
            addresses.add(contact.getPhone());
            addresses.add(Addresses.whatsapp(contact.getPhone()));
        }
        if (contact.getWhatsappAddress() != null) {
            addresses.add(contact.getWhatsappAddress());
        }
        if (contact.getEmail() != null) {
            addresses.add(contact.getEmail());
        }
        return ContactDetail.of(contact, conversations, page.getTotalElements(), optOuts.states(orgId, addresses));
    }
}
