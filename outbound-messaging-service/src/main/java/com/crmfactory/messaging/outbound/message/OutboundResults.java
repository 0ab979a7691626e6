package com.crmfactory.messaging.outbound.message;

import java.time.Clock;

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
    private final Clock clock;

    public OutboundResults(OutboundMessageRepository messages, OutboxWriter outbox, MeterRegistry meters, Clock clock) {
        this.messages = messages;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
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
        meters.counter("outbound.sends", "result", "accepted", "channel", tag(m.channel())).increment();
        outbox.append(Topics.OUTBOUND_RESULTS, m.conversationKey(), new OutboundMessageAccepted(m.orgId(), m.requestId(),
                m.sessionId(), m.channel(), sid, m.from(), m.to(), status, clock.instant()));
        return true;
    }

    /** @param channel the channel it was meant for; null when not even that was decided */
    @Transactional
    public boolean failed(OutboundMessage m, Channel channel, Failure failure, State from) {
        if (!messages.fail(m.requestId(), failure, from)) {
            return false;
        }
        meters.counter("outbound.sends", "result", failure.code(), "channel", tag(channel)).increment();
        outbox.append(Topics.OUTBOUND_RESULTS, m.conversationKey(), new OutboundMessageFailed(m.orgId(), m.requestId(),
                m.sessionId(), channel, failure.code(), failure.reason(), failure.retryable(), failure.providerCode(),
                clock.instant()));
        return true;
    }

    /** The metrics' channel tag: the wire name, "null" when undecided (as dashboards know it). */
    private static String tag(Channel channel) {
        return channel == null ? "null" : channel.wire();
    }
}
