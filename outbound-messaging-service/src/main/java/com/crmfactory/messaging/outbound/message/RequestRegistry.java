package com.crmfactory.messaging.outbound.message;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.outbound.OutboundMessageRequested;
import com.crmfactory.messaging.outbound.message.OutboundMessage.State;
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

    /**
     * One statement: it joins the caller's transaction when there is one (the request listener's batch).
     *
     * @return the pending row as stored for a new request id; empty for a repeated one
     */
    public Optional<OutboundMessage> register(OutboundMessageRequested request, String conversationKey) {
        String key = conversationKey(request, conversationKey);
        String json = codec.toJson(request);
        if (!messages.insertPending(request.requestId(), request.orgId(), request.sessionId(), key, request.to(),
                request.body(), json)) {
            return Optional.empty();
        }
        return Optional.of(new OutboundMessage(request.requestId(), request.orgId(), request.sessionId(), key, null,
                request.to(), null, request.body(), State.PENDING, null, null, 0, null, 0, json));
    }

    /** The record's key (the conversation key), else one made of org, channel and recipient. */
    public static String conversationKey(OutboundMessageRequested request, String recordKey) {
        return recordKey == null ? request.orgId() + ":" + request.channel().wire() + ":" + request.to() : recordKey;
    }
}
