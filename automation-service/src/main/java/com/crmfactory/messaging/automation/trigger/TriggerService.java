package com.crmfactory.messaging.automation.trigger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.automation.event.Contact;
import com.crmfactory.messaging.automation.event.TriggerEvent;
import com.crmfactory.messaging.automation.event.TriggerType;
import com.crmfactory.messaging.automation.run.RunService;
import com.crmfactory.messaging.automation.state.CustomerStateService;
import com.crmfactory.messaging.automation.state.CustomerView;
import com.crmfactory.messaging.automation.state.SessionView;
import com.crmfactory.messaging.events.ConversationKey;
import com.crmfactory.messaging.events.common.Author;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SessionStatus;
import com.crmfactory.messaging.events.conversation.SessionClosed;
import com.crmfactory.messaging.events.conversation.SessionEscalated;
import com.crmfactory.messaging.events.conversation.SessionInsightsUpdated;
import com.crmfactory.messaging.events.conversation.SessionOpened;
import com.crmfactory.messaging.events.conversation.SessionStatusChanged;
import com.crmfactory.messaging.events.erp.OrderStatusChanged;
import com.crmfactory.messaging.events.inbound.MessageReceived;
import com.crmfactory.messaging.events.outbound.OutboundDeliveryUpdated;
import com.crmfactory.messaging.events.outbound.OutboundMessageFailed;
import com.crmfactory.messaging.automation.action.StepContext;

/**
 * Turns the platform's events into trigger events: keeps the customer and session state up to date, adds
 * what it knows to each trigger, and leaves out what must never trigger (no loops): only customers'
 * messages trigger message automations, and the failed delivery of an automation's own message triggers
 * nothing.
 */
@Service
class TriggerService {

    private final CustomerStateService state;
    private final RunService runs;

    TriggerService(CustomerStateService state, RunService runs) {
        this.state = state;
        this.runs = runs;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void inbound(String eventId, MessageReceived message) {
        if (message.optOutType() != null) {
            // STOP/START/HELP keywords are handled by the platform, not answered by automations
            return;
        }
        String channel = message.triggerChannel().wire();
        CustomerView customer = state.messageReceived(message, channel);
        ConversationKey key = message.conversationKey();
        Optional<SessionView> session = state.openSession(message.orgId(), key.channel().wire(), key.customerAddress());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("body", message.body());
        payload.put("from", message.from());
        payload.put("to", message.to());
        payload.put("subject", message.subject());
        payload.put("profileName", message.profileName());
        payload.put("providerMessageId", message.providerMessageId());
        payload.put("triggerChannel", channel);
        TriggerType type = channel.equals("sms") || channel.equals("mms") ? TriggerType.SMS_RECEIVED
                : TriggerType.CHANNEL_MESSAGE_RECEIVED;
        TriggerEvent event = new TriggerEvent(eventId, message.orgId(), type, channel, key.value(), message.from(),
                session.map(SessionView::sessionId).orElse(null), contact(customer),
                session.map(SessionView::intent).orElse(null), session.map(SessionView::status).orElse(null),
                message.body(), payload, 0, message.receivedAt());
        runs.start(event);
        if (type == TriggerType.SMS_RECEIVED) {
            // an SMS is also a message on a channel: channel_message_received automations see it too
            runs.start(retyped(event, TriggerType.CHANNEL_MESSAGE_RECEIVED));
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void sessionOpened(SessionOpened opened) {
        state.sessionOpened(opened);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void statusChanged(SessionStatusChanged changed) {
        state.sessionChanged(changed.orgId(), changed.sessionId(), null, changed.status().wire());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insights(SessionInsightsUpdated insights) {
        state.sessionChanged(insights.orgId(), insights.sessionId(), insights.intent(), null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void escalated(String eventId, SessionEscalated escalated) {
        state.sessionChanged(escalated.orgId(), escalated.sessionId(), escalated.intent(), SessionStatus.NEEDS_HUMAN.wire());
        Optional<SessionView> session = state.session(escalated.orgId(), escalated.sessionId());
        // an escalation an automation asked for (assign_queue) is one link further down a chain
        int depth = escalated.escalatedBy() == Author.AUTOMATION
                ? Math.max(1, session.map(SessionView::automationDepth).orElse(1)) : 0;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("queue", escalated.queue());
        payload.put("reason", escalated.reason());
        payload.put("intent", escalated.intent());
        payload.put("summary", escalated.summary());
        payload.put("escalatedBy", escalated.escalatedBy() == null ? null : escalated.escalatedBy().name());
        runs.start(sessionEvent(eventId, escalated.orgId(), TriggerType.CONVERSATION_ESCALATED, session,
                escalated.sessionId(), payload, depth, escalated.occurredAt()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void closed(String eventId, SessionClosed closed) {
        state.sessionChanged(closed.orgId(), closed.sessionId(), null, closed.status().wire());
        TriggerType type = closed.status() == SessionStatus.EXPIRED ? TriggerType.SESSION_EXPIRED
                : TriggerType.SESSION_COMPLETED;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("status", closed.status().wire());
        payload.put("closedBy", closed.closedBy());
        runs.start(sessionEvent(eventId, closed.orgId(), type, state.session(closed.orgId(), closed.sessionId()),
                closed.sessionId(), payload, 0, closed.occurredAt()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void sendFailed(String eventId, OutboundMessageFailed failed) {
        if (isOwn(failed.requestId())) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("requestId", failed.requestId());
        payload.put("code", failed.code());
        payload.put("reason", failed.reason());
        payload.put("status", "failed");
        payload.put("providerErrorCode", failed.providerErrorCode());
        runs.start(sessionEvent(eventId, failed.orgId(), TriggerType.DELIVERY_FAILED,
                state.session(failed.orgId(), failed.sessionId()), failed.sessionId(), payload, 0, failed.occurredAt()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void deliveryUpdated(String eventId, OutboundDeliveryUpdated updated) {
        if (!updated.status().isTerminal() || isOwn(updated.requestId())) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("requestId", updated.requestId());
        payload.put("status", updated.status().wire());
        payload.put("errorCode", updated.errorCode());
        payload.put("errorMessage", updated.errorMessage());
        runs.start(sessionEvent(eventId, updated.orgId(), TriggerType.DELIVERY_FAILED,
                state.session(updated.orgId(), updated.sessionId()), updated.sessionId(), payload, 0, updated.occurredAt()));
    }

    /** An order status change reaches the customer on their last channel (or by phone, else e-mail). */
    @Transactional(propagation = Propagation.MANDATORY)
    void orderStatusChanged(String eventId, OrderStatusChanged order) {
        CustomerView byPhone = state.customer(order.orgId(), order.customerPhone());
        CustomerView byEmail = state.customer(order.orgId(), order.customerEmail());
        CustomerView known = byPhone.lastChannel() != null ? byPhone : byEmail;
        String channel = known.lastChannel();
        String address = known.lastAddress();
        if (channel == null) {
            channel = order.customerPhone() != null ? "sms" : "email";
            address = order.customerPhone() != null ? order.customerPhone() : order.customerEmail();
        }
        String key = ConversationKey.of(order.orgId(), channelOf(channel), address).value();
        Optional<SessionView> session = state.session(order.orgId(), known.lastSessionId());
        Map<String, Object> payload = new LinkedHashMap<>(order.attributes());
        payload.put("attributes", order.attributes());
        payload.put("order_number", order.orderNumber());
        payload.put("orderNumber", order.orderNumber());
        payload.put("status", order.status());
        payload.put("previous_status", order.previousStatus());
        payload.put("previousStatus", order.previousStatus());
        payload.put("customerName", order.customerName());
        payload.put("customerPhone", order.customerPhone());
        payload.put("customerEmail", order.customerEmail());
        Contact contact = new Contact(first(order.customerName(), known.name()), first(order.customerPhone(), known.phone()),
                first(order.customerEmail(), known.email()));
        runs.start(new TriggerEvent(eventId, order.orgId(), TriggerType.ORDER_STATUS_CHANGED, channel, key, address,
                session.map(SessionView::sessionId).orElse(null), contact, session.map(SessionView::intent).orElse(null),
                session.map(SessionView::status).orElse(null), null, payload, 0, order.occurredAt()));
    }

    private TriggerEvent sessionEvent(String eventId, String orgId, TriggerType type, Optional<SessionView> session,
            String sessionId, Map<String, Object> payload, int depth, Instant at) {
        String channel = session.map(SessionView::channel).orElse(null);
        String address = session.map(SessionView::customerAddress).orElse(null);
        String key = channel == null || address == null ? null
                : ConversationKey.of(orgId, Channel.fromWire(channel), address).value();
        CustomerView customer = state.customer(orgId, address);
        Contact contact = new Contact(first(customer.name(), session.map(SessionView::contactName).orElse(null)),
                customer.phone(), customer.email());
        return new TriggerEvent(eventId, orgId, type, "voice".equals(channel) ? "voicemail" : channel, key, address,
                sessionId, contact, session.map(SessionView::intent).orElse(null),
                session.map(SessionView::status).orElse(null), null, payload, depth, at);
    }

    private static TriggerEvent retyped(TriggerEvent event, TriggerType type) {
        return new TriggerEvent(event.eventId(), event.orgId(), type, event.channel(), event.conversationKey(),
                event.customerAddress(), event.sessionId(), event.contact(), event.sessionIntent(), event.sessionStatus(),
                event.body(), event.payload(), event.depth(), event.occurredAt());
    }

    private static Contact contact(CustomerView customer) {
        return new Contact(customer.name(), customer.phone(), customer.email());
    }

    private static Channel channelOf(String triggerChannel) {
        return switch (triggerChannel) {
            case "whatsapp" -> Channel.WHATSAPP;
            case "email" -> Channel.EMAIL;
            case "voicemail", "voice" -> Channel.VOICE;
            default -> Channel.SMS;
        };
    }

    private static boolean isOwn(String requestId) {
        return requestId != null && requestId.startsWith(StepContext.OWN_PREFIX);
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
