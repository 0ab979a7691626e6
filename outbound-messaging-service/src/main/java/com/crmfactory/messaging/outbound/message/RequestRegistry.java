package com.crmfactory.messaging.outbound.message;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.support.kafka.EventCodec;

/** Stores a request as {@code pending} under its request id: the unique key that makes every id send at most once. */
@Component
public class RequestRegistry {

    private final OutboundMessageRepository messages;
    private final EventCodec codec;

    public RequestRegistry(OutboundMessageRepository messages, EventCodec codec) {
        this.messages = messages;
        this.codec = codec;
    }

    /** @return true for a new request id; a repeated one is ignored */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean register(OutboundMessageRequested request, String conversationKey) {
        return messages.insertPending(request.requestId(), request.orgId(), request.sessionId(),
                conversationKey == null ? request.orgId() + ":" + request.channel().wire() + ":" + request.to() : conversationKey,
                request.to(), request.body(), codec.toJson(request));
    }
}
