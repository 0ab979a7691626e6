package com.crmfactory.messaging.support.kafka;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.events.EventType;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into their wire JSON and back. The wire carries no Java type information: the
 * CloudEvents {@code ce_type} header names the event, and unknown types are ignored, not failed.
 */
public class EventCodec {

    private final JsonMapper mapper;

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public String typeOf(DomainEvent event) {
        return EventType.typeOf(event.getClass());
    }

    public String toJson(DomainEvent event) {
        return mapper.writeValueAsString(event);
    }

    /** Decodes a consumed record; empty for records without CloudEvents headers or of an unknown type. */
    public Optional<IncomingEvent> decode(ConsumerRecord<String, String> record) {
        return CloudEvent.from(record.headers())
                .flatMap(meta -> EventType.classOf(meta.type())
                        .map(type -> new IncomingEvent(meta, mapper.readValue(record.value(), type), record.key())));
    }
}
