package com.crmfactory.messaging.outbound.message;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.DeliveryStatus;
import com.crmfactory.messaging.events.outbound.OutboundMessageAccepted;
import com.crmfactory.messaging.events.outbound.OutboundMessageFailed;
import com.crmfactory.messaging.outbound.message.OutboundMessage.State;
import com.crmfactory.messaging.support.outbox.OutboxWriter;

import io.micrometer.core.instrument.MeterRegistry;

/** State transitions that end a send, each with its result event through the outbox in the same transaction. */
@Component
public class OutboundResults {

    private final OutboundMessageRepository messages;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;

    public OutboundResults(OutboundMessageRepository messages, OutboxWriter outbox, MeterRegistry meters) {
        this.messages = messages;
        this.outbox = outbox;
        this.meters = meters;
    }

    /** @return false when the message had already left {@code from} (e.g. a callback proved it first) */
    @Transactional
    public boolean accepted(OutboundMessage m, String sid, String providerStatus, State from) {
        DeliveryStatus status = DeliveryStatus.fromProvider(providerStatus);
        if (status == DeliveryStatus.UNKNOWN) {
            status = DeliveryStatus.QUEUED;
        }
        if (!messages.accept(m.requestId(), sid, status.wire(), from)) {
            return false;
        }
        meters.counter("outbound.sends", "result", "accepted", "channel", String.valueOf(m.channel())).increment();
        outbox.append(Topics.OUTBOUND_RESULTS, m.conversationKey(), new OutboundMessageAccepted(m.orgId(), m.requestId(),
                m.sessionId(), Channel.fromWire(m.channel()), sid, m.from(), m.to(), status, Instant.now()));
        return true;
    }

    @Transactional
    public boolean failed(OutboundMessage m, String channel, String code, String reason, boolean retryable,
            String providerCode, State from) {
        if (!messages.fail(m.requestId(), code, reason, from)) {
            return false;
        }
        meters.counter("outbound.sends", "result", code, "channel", String.valueOf(channel)).increment();
        outbox.append(Topics.OUTBOUND_RESULTS, m.conversationKey(), new OutboundMessageFailed(m.orgId(), m.requestId(),
                m.sessionId(), channel == null ? null : Channel.fromWire(channel), code, reason, retryable, providerCode,
                Instant.now()));
        return true;
    }
}
