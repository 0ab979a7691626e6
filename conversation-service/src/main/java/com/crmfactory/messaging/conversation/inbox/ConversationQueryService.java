package com.crmfactory.messaging.conversation.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.command.NoteView;
import com.crmfactory.messaging.conversation.command.SessionNotes;
import com.crmfactory.messaging.conversation.contact.Contact;
import com.crmfactory.messaging.conversation.contact.ContactRepository;
import com.crmfactory.messaging.conversation.message.MessageRepository;
import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.conversation.session.SessionRepository;
import com.crmfactory.messaging.conversation.web.Ids;
import com.crmfactory.messaging.conversation.web.PageParams;
import com.crmfactory.messaging.conversation.web.PageResponse;
import com.crmfactory.messaging.events.common.WhatsAppWindow;
import com.crmfactory.messaging.support.web.NotFoundException;

/** Reads of the inbox: the conversation list and a conversation's thread. */
@Service
@Transactional(readOnly = true)
public class ConversationQueryService {

    static final int THREAD_DEFAULT_SIZE = 50;
    static final int THREAD_MAX_SIZE = 200;
    /** A text search ({@code q}) considers the sessions of the newest this many matching conversations. */
    static final int TEXT_SEARCH_LIMIT = 1000;

    private final SessionRepository sessions;
    private final ContactRepository contacts;
    private final MessageRepository messages;
    private final WhatsAppWindow whatsappWindow;
    private final Clock clock;
    private final SessionNotes notes;

    ConversationQueryService(SessionRepository sessions, ContactRepository contacts, MessageRepository messages,
            WhatsAppWindow whatsappWindow, Clock clock, SessionNotes notes) {
        this.notes = notes;
        this.sessions = sessions;
        this.contacts = contacts;
        this.messages = messages;
        this.whatsappWindow = whatsappWindow;
        this.clock = clock;
    }

    /**
     * A conversation's thread and state, with everything said in it, oldest first, and its internal notes
     * ({@code kind: note}, never sent to the customer).
     */
    public record ThreadView(ConversationRow conversation, PageResponse<MessageResponse> messages, List<NoteView> notes) {
    }

    public PageResponse<ConversationRow> list(String orgId, ConversationFilter filter, Integer page, Integer size) {
        String textQuery = filter.textQuery();
        List<UUID> textMatches = textQuery == null ? null : messages.sessionsMentioning(orgId, textQuery, TEXT_SEARCH_LIMIT);
        Page<Session> found = sessions.findAll(filter.toSpecification(orgId, textMatches),
                PageParams.of(page, size, Sort.by(Sort.Order.desc("lastMessageAt"), Sort.Order.desc("id"))));
        Map<UUID, Contact> byId = contactsOf(orgId, found.getContent());
        Instant now = clock.instant();
        return PageResponse.of(found, session -> ConversationRow.of(session, byId.get(session.getContactId()), whatsappWindow, now));
    }

    /**
     * @param newest the last page of {@code size} (its number in the answer) instead of {@code page}: the inbox
     *               opens a long thread at its newest messages in one request
     */
    public ThreadView thread(String orgId, String sessionId, Integer page, Integer size, boolean newest) {
        Session session = Ids.parse(sessionId).flatMap(id -> sessions.findByIdAndOrgId(id, orgId))
                .orElseThrow(() -> new NotFoundException("Conversation", sessionId));
        Pageable pageable = PageParams.of(page, size, THREAD_DEFAULT_SIZE, THREAD_MAX_SIZE, Sort.by("sequence"));
        if (newest) {
            // the session counts its messages as they are recorded: no count query before the page's
            pageable = pageable.withPage((int) Math.max(0, (session.getMessageCount() - 1) / pageable.getPageSize()));
        }
        var found = messages.findByOrgIdAndSessionId(orgId, session.getId(), pageable);
        return new ThreadView(row(session), PageResponse.of(found, MessageResponse::of), notes.of(orgId, session.getId()));
    }

    /** One conversation as a list row. */
    public ConversationRow row(Session session) {
        return ConversationRow.of(session, contacts.findByIdAndOrgId(session.getContactId(), session.getOrgId()).orElse(null),
                whatsappWindow, clock.instant());
    }

    private Map<UUID, Contact> contactsOf(String orgId, List<Session> page) {
        List<UUID> ids = page.stream().map(Session::getContactId).distinct().toList();
        return ids.isEmpty() ? Map.of() : contacts.findByOrgIdAndIdIn(orgId, ids).stream()
                .collect(Collectors.toMap(Contact::getId, Function.identity()));
    }
}
