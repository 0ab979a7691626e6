package com.crmfactory.messaging.conversation.inbox;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.contact.Contact;
import com.crmfactory.messaging.conversation.contact.ContactService;
import com.crmfactory.messaging.conversation.session.SessionRepository;
import com.crmfactory.messaging.conversation.session.SessionSummary;

/** The single-contact view: a read across contacts and sessions, so it lives on the inbox's read side. */
@Service
public class ContactDetailService {

    /** The view shows this many conversations, newest first; the rest through the conversation list. */
    static final int CONVERSATIONS_IN_VIEW = 50;

    private final ContactService contacts;
    private final SessionRepository sessions;

    ContactDetailService(ContactService contacts, SessionRepository sessions) {
        this.contacts = contacts;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public ContactDetail get(String orgId, String id) {
        Contact contact = contacts.owned(orgId, id);
        var page = sessions.findByOrgIdAndContactId(orgId, contact.getId(), PageRequest.of(0, CONVERSATIONS_IN_VIEW,
                Sort.by(Sort.Order.desc("openedAt"), Sort.Order.desc("id"))));
        List<SessionSummary> conversations = page.getContent().stream().map(SessionSummary::of).toList();
        return ContactDetail.of(contact, conversations, page.getTotalElements());
    }
}
