package com.crmfactory.messaging.conversation.outbound;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.message.Message;
import com.crmfactory.messaging.conversation.message.MessageRepository;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.outbound.OutboundDeliveryUpdated;
import com.crmfactory.messaging.events.outbound.OutboundMessageAccepted;
import com.crmfactory.messaging.events.outbound.OutboundMessageFailed;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivery status of recorded outbound messages, from outbound's results. Reports arrive out of order:
 * a status only moves forward ({@link DeliveryStatus#canMoveTo}), so a late {@code sent} never
 * overwrites {@code delivered}. Results of requests not recorded here (no session) are ignored.
 */
@Service
public class DeliveryStatusService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryStatusService.class);

    private final MessageRepository messages;
    private final Clock clock;
    private final MeterRegistry meters;

    DeliveryStatusService(MessageRepository messages, Clock clock, MeterRegistry meters) {
        this.messages = messages;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void accepted(OutboundMessageAccepted accepted) {
        message(accepted.orgId(), accepted.requestId()).ifPresent(message -> {
            message.acceptedAs(accepted.providerMessageId(), clock.instant());
            apply(message, accepted.status() == null ? DeliveryStatus.QUEUED : accepted.status(), null, null);
        });
    }

    @Transactional
    public void failed(OutboundMessageFailed failed) {
        message(failed.orgId(), failed.requestId()).ifPresent(message -> apply(message, DeliveryStatus.FAILED,
                failed.providerErrorCode() != null ? failed.providerErrorCode() : failed.code(), failed.reason()));
    }

    @Transactional
    public void updated(OutboundDeliveryUpdated updated) {
        message(updated.orgId(), updated.requestId()).ifPresent(message -> {
            message.acceptedAs(updated.providerMessageId(), clock.instant());
            apply(message, updated.status(), updated.errorCode(), updated.errorMessage());
        });
    }

    private Optional<Message> message(String orgId, String requestId) {
        return messages.lockByRequestId(orgId, requestId);
    }

    private void apply(Message message, DeliveryStatus next, String code, String reason) {
        DeliveryStatus previous = message.getDeliveryStatus();
        if (message.applyDelivery(next, code, reason, clock.instant())) {
            return;
        }
        meters.counter("conversation.delivery.stale", "status", next.wire()).increment();
        log.debug("Delivery report {} for request {} ignored: message is already {}", next.wire(),
                message.getRequestId(), previous == null ? "new" : previous.wire());
    }
}
