package com.crmfactory.messaging.conversation.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.contact.Addresses;
import com.crmfactory.messaging.conversation.contact.Contact;
import com.crmfactory.messaging.conversation.contact.ContactResolver;
import com.crmfactory.messaging.conversation.contact.ContactService;
import com.crmfactory.messaging.conversation.contact.CustomerLock;
import com.crmfactory.messaging.conversation.optout.OptOutService;
import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.conversation.session.SessionService;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.support.logging.LogMasking;
import com.crmfactory.messaging.support.web.ConflictException;
import com.crmfactory.messaging.support.web.UnprocessableException;

/**
 * A person starts a conversation with a customer: the customer's open session on that channel is reused, else one
 * is opened, and the first message is said through {@link SessionMessages} like any reply. On WhatsApp, without an
 * open customer-service window, only an approved template goes (422 naming the allowed ones otherwise); a customer
 * who opted out of the channel (our copy of outbound's state) is refused with 409.
 */
@Service
public class ConversationStarter {

    private static final Logger log = LoggerFactory.getLogger(ConversationStarter.class);

    private final ContactService contacts;
    private final ContactResolver resolver;
    private final CustomerLock customerLock;
    private final OptOutService optOuts;
    private final SessionService sessions;
    private final ReplyComposer composer;
    private final ReplyService replies;
    private final Clock clock;

    ConversationStarter(ContactService contacts, ContactResolver resolver, CustomerLock customerLock,
            OptOutService optOuts, SessionService sessions, ReplyComposer composer, ReplyService replies, Clock clock) {
        this.contacts = contacts;
        this.resolver = resolver;
        this.customerLock = customerLock;
        this.optOuts = optOuts;
        this.sessions = sessions;
        this.composer = composer;
        this.replies = replies;
        this.clock = clock;
    }

    /** Who to write to (a contact of the org, or an address) on which channel. */
    public record Recipient(String contactId, String address, String channel) {
    }

    /** The conversation and its first message. */
    public record Started(String sessionId, String contactId, boolean reused, String messageId, long sequence,
            String requestId, SessionStatus status) {
    }

    @Transactional
    public Started start(String orgId, Recipient recipient, ReplyContent.Request content, String agentId) {
        Channel channel = channel(recipient.channel());
        Instant now = clock.instant();
        String address;
        Contact contact;
        if (recipient.contactId() != null && !recipient.contactId().isBlank()) {
            contact = contacts.owned(orgId, recipient.contactId().trim());
            address = addressOf(contact, channel);
            customerLock.lock(orgId, channel, address);
        } else {
            address = normalised(recipient.address(), channel);
            customerLock.lock(orgId, channel, address);
            contact = resolver.resolve(orgId, channel, address, null, now);
        }
        optOuts.optedOut(orgId, channel, address).ifPresent(optOut -> {
            throw new ConflictException("The customer opted out of " + channel.wire() + " messages ("
                    + (optOut.source() == null ? "opt-out" : optOut.source()) + " at " + optOut.changedAt()
                    + "): nothing may be sent until they opt back in (START).");
        });
        Session open = sessions.lockOpen(orgId, channel, address).orElse(null);
        ReplyComposer.Composed composed = composer.compose(orgId, channel,
                open == null ? null : open.getLastCustomerMessageAt(), now, content);
        Session session = open != null ? open : sessions.startFor(contact, channel, address);
        session.markHumanInvolved(now);
        ReplyService.Reply first = replies.say(session, composed, agentId, "conversation_started");
        log.info("Conversation {} {} with {} on {} ({})", session.getId(), open == null ? "started" : "continued",
                LogMasking.phone(address), channel.wire(), LogMasking.body(composed.text()));
        return new Started(first.sessionId(), contact.getId().toString(), open != null, first.messageId(),
                first.sequence(), first.requestId(), first.status());
    }

    private static Channel channel(String value) {
        String wire = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (wire) {
            case "sms", "mms" -> Channel.SMS;
            case "whatsapp" -> Channel.WHATSAPP;
            case "email" -> Channel.EMAIL;
            default -> throw new UnprocessableException("channel", "Start a conversation on sms, whatsapp or email.");
        };
    }

    private static String addressOf(Contact contact, Channel channel) {
        String address = switch (channel) {
            case WHATSAPP -> contact.getWhatsappAddress() != null ? contact.getWhatsappAddress()
                    : contact.getPhone() == null ? null : Addresses.whatsapp(contact.getPhone());
            case EMAIL -> contact.getEmail();
            default -> contact.getPhone();
        };
        if (address == null) {
            throw new UnprocessableException("channel", "The contact has no address for " + channel.wire() + ".");
        }
        return address;
    }

    private static String normalised(String address, Channel channel) {
        if (address == null || address.isBlank()) {
            throw new UnprocessableException("contactId", "Name the customer: contactId or address.");
        }
        if (channel == Channel.EMAIL) {
            String email = Addresses.email(address);
            if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new UnprocessableException("address", "Not an e-mail address.");
            }
            return email;
        }
        String phone = Addresses.bare(address);
        if (!phone.matches(Addresses.E164)) {
            throw new UnprocessableException("address", "A phone number in E.164 form (+14155550123) is required.");
        }
        return channel == Channel.WHATSAPP ? Addresses.whatsapp(phone) : phone;
    }
}
