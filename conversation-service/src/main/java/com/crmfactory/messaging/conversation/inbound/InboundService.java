package com.crmfactory.messaging.conversation.inbound;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.contact.Addresses;
import com.crmfactory.messaging.conversation.contact.Contact;
import com.crmfactory.messaging.conversation.contact.ContactResolver;
import com.crmfactory.messaging.conversation.message.EmailThreads;
import com.crmfactory.messaging.conversation.message.Message;
import com.crmfactory.messaging.conversation.message.MessageDraft;
import com.crmfactory.messaging.conversation.message.MessageRecorder;
import com.crmfactory.messaging.conversation.message.MessageRepository;
import com.crmfactory.messaging.conversation.session.Session;
import com.crmfactory.messaging.conversation.session.SessionService;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.support.logging.LogMasking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records a customer's message: finds or creates the contact, finds the open session or opens one,
 * stores the message once per provider id and emits the events, all in one transaction.
 */
@Service
public class InboundService {

    private static final Logger log = LoggerFactory.getLogger(InboundService.class);

    private final ContactResolver contacts;
    private final SessionService sessions;
    private final MessageRecorder recorder;
    private final MessageRepository messages;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final EmailThreads emailThreads;
    private final Counter duplicates;

    InboundService(ContactResolver contacts, SessionService sessions, MessageRecorder recorder,
            MessageRepository messages, JdbcTemplate jdbc, Clock clock, MeterRegistry meters, EmailThreads emailThreads) {
        this.emailThreads = emailThreads;
        this.contacts = contacts;
        this.sessions = sessions;
        this.recorder = recorder;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
        this.duplicates = Counter.builder("conversation.inbound.duplicates")
                .description("customer messages received again (same provider message id) and not recorded twice")
                .register(meters);
    }

    /**
     * @return the recorded message, empty when this provider message id is already stored (a retry)
     */
    @Transactional
    public Optional<Message> receive(MessageReceived received) {
        String orgId = received.orgId();
        Channel channel = received.channel().conversationChannel();
        String address = channel == Channel.EMAIL ? Addresses.email(received.from()) : received.from();
        lockCustomer(orgId, channel, address);
        if (messages.existsByOrgIdAndProviderMessageId(orgId, received.providerMessageId())) {
            duplicates.increment();
            log.info("Message {} of org {} already recorded, skipped", received.providerMessageId(), orgId);
            return Optional.empty();
        }
        Contact contact = contacts.resolve(orgId, channel, address, received.profileName(), clock.instant());
        Session session = sessions.openFor(contact, channel, address, received.to(), received.receivedAt());
        Message message = recorder.record(session, MessageDraft.inbound(received));
        if (channel == Channel.EMAIL) {
            emailThreads.customerWrote(session.getId(), received);
        }
        if (session.getStatus() == SessionStatus.WAITING_REPLY) {
            sessions.changeStatus(session, SessionStatus.ACTIVE, "customer_message");
        }
        log.info("Recorded message {} from {} in session {} ({})", received.providerMessageId(),
                LogMasking.phone(address), session.getId(), LogMasking.body(received.body()));
        return Optional.of(message);
    }

    /**
     * Serialises the messages of one customer (both channels of one number) until commit: concurrent
     * copies of one webhook then see each other's message, and the contact is created once.
     */
    private void lockCustomer(String orgId, Channel channel, String address) {
        String customer = channel == Channel.EMAIL ? address : Addresses.bare(address);
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))::text", String.class,
                "conversation-customer:" + orgId + ":" + customer);
    }
}
