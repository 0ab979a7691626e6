package com.crmfactory.messaging.support.consumer;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.crmfactory.messaging.events.DomainEvent;
import com.crmfactory.messaging.support.kafka.EventCodec;
import com.crmfactory.messaging.support.kafka.IncomingEvent;

/**
 * The one way a listener reads a record. Each method names how deliveries are deduplicated, so a reader never
 * has to look further to know whether a listener is idempotent:
 * <ul>
 * <li>{@link #firstDelivery(String, ConsumerRecord)} — the usual case: the effect and the {@code (consumer, ce_id)}
 * guard row commit together in the listener's transaction;</li>
 * <li>{@link #onceInItsOwnTransaction} — the effect commits in a transaction of its own, so that work which must
 * follow the commit (a send) can run after it, on every delivery;</li>
 * <li>{@link #firstDeliveryIf} — the same for the events the listener handles; the others get no guard row;</li>
 * <li>{@link #isFirstDelivery} — the guard alone, for a listener that guards only some events of a topic;</li>
 * <li>{@link #every(ConsumerRecord)} — no deduplication, for effects idempotent by themselves (replacing state with
 * the newest, a live view); the call site says why.</li>
 * </ul>
 * Unknown event types decode to empty and are ignored.
 */
public class IncomingEvents {

    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final TransactionTemplate tx;

    public IncomingEvents(EventCodec codec, ProcessedEvents processed, TransactionTemplate tx) {
        this.codec = codec;
        this.processed = processed;
        this.tx = tx;
    }

    /** The record's event on its first delivery to {@code consumer}; empty for a duplicate or an unknown type. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<DomainEvent> firstDelivery(String consumer, ConsumerRecord<String, String> record) {
        return every(record).filter(event -> isFirstDelivery(consumer, event)).map(IncomingEvent::payload);
    }

    /**
     * The record's event on its first delivery to {@code consumer}, if the listener {@code handles} it; an event it
     * ignores is empty at once and gets no guard row (decision 0019).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<IncomingEvent> firstDeliveryIf(String consumer, ConsumerRecord<String, String> record,
            Predicate<DomainEvent> handles) {
        return every(record).filter(event -> handles.test(event.payload()) && isFirstDelivery(consumer, event));
    }

    /** The record's event on every delivery, duplicates included; empty for an unknown type. */
    public Optional<IncomingEvent> every(ConsumerRecord<String, String> record) {
        return codec.decode(record);
    }

    /** Whether {@code consumer} sees this event for the first time; the guard row commits with the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean isFirstDelivery(String consumer, IncomingEvent event) {
        return processed.firstDelivery(consumer, event.id());
    }

    /**
     * Runs {@code effect} in a new transaction together with the guard row, on the first delivery of the event to
     * {@code consumer} only, and returns its result once committed; empty for a duplicate.
     */
    public <T> Optional<T> onceInItsOwnTransaction(String consumer, IncomingEvent event, Supplier<T> effect) {
        return Optional.ofNullable(tx.execute(status -> processed.firstDelivery(consumer, event.id()) ? effect.get() : null));
    }
}
