package com.crmfactory.messaging.outbound.message;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * At most {@code sender-concurrency} sends of one sender number at once (its POSTs and their database steps), so
 * one busy sender cannot take every send worker. Waiting for a permit parks no thread: {@link #acquire} answers a
 * future that the release of an earlier send completes, in the order the permits were asked for.
 */
@Component
class SenderPermits {

    private static final CompletableFuture<Void> GRANTED = CompletableFuture.completedFuture(null);

    private final int perSender;
    private final Map<String, Sender> senders = new ConcurrentHashMap<>();

    SenderPermits(OutboundProperties props) {
        this.perSender = Math.max(1, props.senderConcurrency());
    }

    /** Completes when the caller holds one of the sender's permits; {@link #release} it when the send is done. */
    CompletableFuture<Void> acquire(String sender) {
        AtomicReference<CompletableFuture<Void>> granted = new AtomicReference<>(GRANTED);
        senders.compute(sender, (key, state) -> {
            Sender s = state == null ? new Sender() : state;
            if (s.running < perSender) {
                s.running++;
            } else {
                CompletableFuture<Void> later = new CompletableFuture<>();
                s.waiting.add(later);
                granted.set(later);
            }
            return s;
        });
        return granted.get();
    }

    /** The number of sender numbers with a send holding or awaiting a permit. */
    int busySenders() {
        return senders.size();
    }

    void release(String sender) {
        AtomicReference<CompletableFuture<Void>> next = new AtomicReference<>();
        senders.computeIfPresent(sender, (key, s) -> {
            next.set(s.waiting.poll());
            if (next.get() == null) {
                s.running--;
            }
            return s.running == 0 ? null : s; // else the permit passes straight to the next waiter
        });
        if (next.get() != null) {
            next.get().complete(null);
        }
    }

    private static final class Sender {
        int running;
        final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    }
}
