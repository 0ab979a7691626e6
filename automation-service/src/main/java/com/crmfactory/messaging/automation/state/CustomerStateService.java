package com.crmfactory.messaging.automation.state;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.conversation.SessionOpened;
import com.crmfactory.messaging.events.inbound.MessageReceived;

/**
 * The state automations need for variables, conditions and the customer's last channel, kept from the
 * events the engine consumes (event-carried state: no call to conversation-service). A customer is one
 * phone number (SMS, MMS, WhatsApp and voice share it) or one e-mail address.
 */
@Service
public class CustomerStateService {

    private final StateRepository repository;
    private final Clock clock;

    CustomerStateService(StateRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Records the customer's message; returns what is known of them now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CustomerView messageReceived(MessageReceived message, String triggerChannel) {
        String customer = customerOf(message.from());
        boolean email = message.channel() == Channel.EMAIL;
        String phone = email ? null : bare(message.from());
        String name = message.profileName();
        return repository.upsertCustomer(message.orgId(), customer, new CustomerView(name, phone, email ? customer : null,
                triggerChannel, message.from(), null), clock.instant());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void sessionOpened(SessionOpened opened) {
        repository.upsertSession(opened.orgId(), new SessionView(opened.sessionId(), opened.channel().wire(),
                opened.customerAddress(), opened.contactName(), null, opened.status().wire(), 0), clock.instant());
        String customer = customerOf(opened.customerAddress());
        boolean email = opened.channel() == Channel.EMAIL;
        repository.upsertCustomer(opened.orgId(), customer, new CustomerView(opened.contactName(),
                email ? null : bare(opened.customerAddress()), email ? customer : null, null, null, opened.sessionId()),
                clock.instant());
    }

    /** Intent and/or status of a session changed (null: unchanged). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sessionChanged(String orgId, String sessionId, String intent, String status) {
        repository.upsertSession(orgId, new SessionView(sessionId, null, null, null, intent, status, 0), clock.instant());
    }

    public Optional<SessionView> session(String orgId, String sessionId) {
        return sessionId == null ? Optional.empty() : repository.session(orgId, sessionId);
    }

    public Optional<SessionView> openSession(String orgId, String channel, String customerAddress) {
        return repository.openSession(orgId, channel, customerAddress);
    }

    /** The customer behind an address in any provider form ({@code whatsapp:+1…}, {@code +1…}, an e-mail). */
    public CustomerView customer(String orgId, String address) {
        return address == null ? CustomerView.UNKNOWN
                : repository.customer(orgId, customerOf(address)).orElse(CustomerView.UNKNOWN);
    }

    /** Remembers that an automation run at {@code depth} acted on the session (assign_queue), for the chain guard. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markAutomationDepth(String orgId, String sessionId, int depth) {
        repository.markDepth(orgId, sessionId, depth, clock.instant());
    }

    static String customerOf(String address) {
        String bare = bare(address);
        return bare.contains("@") ? bare.toLowerCase(Locale.ROOT) : bare;
    }

    private static String bare(String address) {
        String trimmed = address.trim();
        int colon = trimmed.indexOf(':');
        // provider prefixes (whatsapp:+1…); e-mail addresses have no colon
        return colon >= 0 && !trimmed.contains("@") ? trimmed.substring(colon + 1) : trimmed;
    }
}
