package com.crmfactory.messaging.support.consumer;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.support.kafka.EventCodec;

/**
 * What every idempotent listener does first: decode the record and let its event through only the first
 * time this consumer sees its {@code ce_id}. Runs inside the listener's transaction, so the guard row
 * commits or rolls back with the event's effect.
 */
public class IncomingEvents {

    private final EventCodec codec;
    private final ProcessedEvents processed;

    public IncomingEvents(EventCodec codec, ProcessedEvents processed) {
        this.codec = codec;
        this.processed = processed;
    }

    /** The record's event on its first delivery to {@code consumer}; empty for a duplicate or an unknown type. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<DomainEvent> firstDelivery(String consumer, ConsumerRecord<String, String> record) {
        return codec.decode(record)
                .filter(event -> processed.firstDelivery(consumer, event.id()))
                .map(event -> event.payload());
    }
}
