package com.crmfactory.messaging.conversation.outbound;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.conversation.message.MessageDeliveries;
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

    private final MessageDeliveries deliveries;
    private final Clock clock;
    private final MeterRegistry meters;

    DeliveryStatusService(MessageDeliveries deliveries, Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void accepted(OutboundMessageAccepted accepted) {
        apply(accepted.orgId(), accepted.requestId(), accepted.providerMessageId(),
                accepted.status() == null ? DeliveryStatus.QUEUED : accepted.status(), null, null);
    }

    @Transactional
    public void failed(OutboundMessageFailed failed) {
        apply(failed.orgId(), failed.requestId(), null, DeliveryStatus.FAILED,
                failed.providerErrorCode() != null ? failed.providerErrorCode() : failed.code(), failed.reason());
    }

    @Transactional
    public void updated(OutboundDeliveryUpdated updated) {
        apply(updated.orgId(), updated.requestId(), updated.providerMessageId(), updated.status(), updated.errorCode(),
                updated.errorMessage());
    }

    private void apply(String orgId, String requestId, String providerMessageId, DeliveryStatus next, String code,
            String reason) {
        deliveries.lock(orgId, requestId).ifPresent(delivery -> {
            if (!deliveries.apply(delivery, providerMessageId, next, code, reason, clock.instant())) {
                meters.counter("conversation.delivery.stale", "status", next.wire()).increment();
                log.debug("Delivery report {} for request {} ignored: message is already {}", next.wire(), requestId,
                        delivery.status() == null ? "new" : delivery.status().wire());
            }
        });
    }
}
