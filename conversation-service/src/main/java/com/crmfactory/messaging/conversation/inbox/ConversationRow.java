package com.crmfactory.messaging.conversation.inbox;

import java.time.Instant;

import com.crmfactory.messaging.conversation.contact.Contact;
import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.events.Redacted;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.OrderDraft;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.common.WhatsAppWindow;

/** A conversation (session) in the inbox: its state, its last message and its contact. */
public record ConversationRow(
        String sessionId,
        Channel channel,
        SessionStatus status,
        String customerAddress,
        String businessAddress,
        String intent,
        String summary,
        OrderDraft orderContext,
        String queue,
        String escalationReason,
        String assignee,
        boolean humanInvolved,
        long messageCount,
        Instant lastMessageAt,
        String lastMessagePreview,
        Instant lastCustomerMessageAt,
        Instant openedAt,
        Instant expiresAt,
        Instant closedAt,
        ReplyWindow replyWindow,
        ContactRef contact) {

    /**
     * When free-form replies stop being possible, as the service enforces it: on WhatsApp the customer-service
     * window after the customer's last message ({@link WhatsAppWindow}), after which only approved templates go
     * ({@code templatesOnly}); on other channels the session's own window ({@code expiresAt}).
     */
    public record ReplyWindow(Instant closesAt, boolean templatesOnly) {

        static ReplyWindow of(Session session, WhatsAppWindow whatsappWindow, Instant now) {
            if (session.getChannel().conversationChannel() != Channel.WHATSAPP) {
                return new ReplyWindow(session.getExpiresAt(), false);
            }
            Instant last = session.getLastCustomerMessageAt();
            return new ReplyWindow(last == null ? null : last.plus(whatsappWindow.length()), !whatsappWindow.isOpen(last, now));
        }
    }

    /** The contact of a conversation, as much as an inbox row needs. */
    public record ContactRef(String id, String name, String phone, String whatsappAddress, String email,
            String whatsappProfileName) {

        static ContactRef of(Contact contact) {
            return contact == null ? null : new ContactRef(contact.getId().toString(), contact.getName(),
                    contact.getPhone(), contact.getWhatsappAddress(), contact.getEmail(), contact.getWhatsappProfileName());
        }

        @Override
        public String toString() {
            return Redacted.toString(this);
        }
    }

    public static ConversationRow of(Session session, Contact contact, WhatsAppWindow whatsappWindow, Instant now) {
        return new ConversationRow(session.getId().toString(), session.getChannel(), session.getStatus(),
                session.getCustomerAddress(), session.getBusinessAddress(), session.getIntent(), session.getSummary(),
                session.getOrderContext(), session.getQueue(), session.getEscalationReason(), session.getAssignee(),
                session.isEscalated(), session.getMessageCount(), session.getLastMessageAt(),
                session.getLastMessagePreview(), session.getLastCustomerMessageAt(), session.getOpenedAt(),
                session.getExpiresAt(), session.getClosedAt(), ReplyWindow.of(session, whatsappWindow, now),
                ContactRef.of(contact));
    }

    @Override
    public String toString() {
        return Redacted.toString(this);
    }
}
