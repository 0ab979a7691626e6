package com.crmfactory.messaging.outbound.delivery;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.delivery.DeliveryStatusReported;
import com.crmfactory.messaging.events.outbound.OutboundDeliveryUpdated;
import com.crmfactory.messaging.outbound.customer.CustomerState;
import com.crmfactory.messaging.outbound.message.OutboundMessage;
import com.crmfactory.messaging.outbound.message.OutboundMessage.State;
import com.crmfactory.messaging.outbound.message.OutboundMessageRepository;
import com.crmfactory.messaging.outbound.message.OutboundResults;
import com.crmfactory.messaging.outbound.twilio.ProviderErrors;
import com.crmfactory.messaging.support.outbox.OutboxWriter;

/**
 * Applies a delivery receipt: statuses only move forward ({@link DeliveryStatus#canMoveTo}), failures
 * carry a readable reason, 21610 opts the number out. A callback for a send still in flight or
 * ambiguous proves Twilio has it: the message is accepted with the callback's SID first.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final OutboundMessageRepository messages;
    private final OutboundResults results;
    private final OutboxWriter outbox;
    private final CustomerState customers;
    private final Clock clock;

    DeliveryService(OutboundMessageRepository messages, OutboundResults results, OutboxWriter outbox,
            CustomerState customers, Clock clock) {
        this.messages = messages;
        this.results = results;
        this.outbox = outbox;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(DeliveryStatusReported report) {
        Optional<OutboundMessage> found = messages.lockBySid(report.providerMessageId());
        if (found.isEmpty() && report.requestId() != null) {
            found = messages.lock(report.requestId()).filter(m -> m.providerSid() == null
                    && (m.state() == State.SENDING || m.state() == State.UNKNOWN))
                    .filter(m -> results.accepted(m, report.providerMessageId(), "queued", m.state()))
                    .flatMap(m -> messages.lock(m.requestId()));
        }
        if (found.isEmpty()) {
            log.debug("status for unknown message {} ignored", report.providerMessageId());
            return;
        }
        OutboundMessage m = found.get();
        DeliveryStatus current = m.deliveryStatus() == null ? DeliveryStatus.QUEUED : fromWire(m.deliveryStatus());
        DeliveryStatus next = report.status();
        if (!current.canMoveTo(next)) {
            return;
        }
        String reason = next.isTerminal() ? ProviderErrors.reason(report.errorCode(), report.errorMessage()) : null;
        messages.deliveryStatus(m.requestId(), next.wire(), report.errorCode(), reason);
        if (ProviderErrors.OPTED_OUT.equals(report.errorCode()) && m.channel() != null) {
            customers.optOut(m.orgId(), m.channel(), report.to() != null ? report.to() : m.to(), "twilio-21610");
        }
        outbox.append(Topics.OUTBOUND_RESULTS, m.conversationKey(), new OutboundDeliveryUpdated(m.orgId(), m.requestId(),
                m.sessionId(), report.providerMessageId(), next, report.errorCode(), reason, clock.instant()));
    }

    private static DeliveryStatus fromWire(String wire) {
        return DeliveryStatus.valueOf(wire.toUpperCase(java.util.Locale.ROOT));
    }
}
