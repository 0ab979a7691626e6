package com.crmfactory.messaging.support.kafka;

import com.crmfactory.messaging.events.DomainEvent;

/** A consumed event: its CloudEvents attributes, the decoded payload and the record key. */
public record IncomingEvent(CloudEvent meta, DomainEvent payload, String key) {

    public String id() {
        return meta.id();
    }
}
