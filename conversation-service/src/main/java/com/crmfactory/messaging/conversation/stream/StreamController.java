package com.crmfactory.messaging.conversation.stream;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.crmfactory.messaging.support.web.OrgContext;

/**
 * {@code GET /api/v1/conversations/stream}: server-sent events of the caller's org's conversation
 * changes (every {@code conversation.events.v1} event: event name = its type, e.g. message-recorded;
 * id = its ce_id; data = its JSON), for a live inbox. A reconnecting client's {@code Last-Event-ID} gets it the
 * events it missed (or {@code reset} when they are too old to replay).
 */
@RestController
class StreamController {

    private final ConversationStream stream;

    StreamController(ConversationStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/v1/conversations/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return stream.subscribe(OrgContext.require(), lastEventId);
    }
}
