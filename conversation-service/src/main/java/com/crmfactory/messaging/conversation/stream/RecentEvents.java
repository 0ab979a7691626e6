package com.crmfactory.messaging.conversation.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last {@code capacity} streamed events of each org, in the order this instance read them, so that a client
 * reconnecting with {@code Last-Event-ID} gets what it missed. Every instance reads the whole topic, so any
 * instance can replay; an id it no longer (or never) holds cannot be resumed from (the client reloads).
 */
final class RecentEvents {

    /** One streamed event as it was sent. */
    record Event(String id, String name, String json) {
    }

    private final int capacity;
    private final Map<String, Deque<Event>> byOrg = new ConcurrentHashMap<>();

    RecentEvents(int capacity) {
        this.capacity = capacity;
    }

    void add(String orgId, Event event) {
        Deque<Event> events = byOrg.computeIfAbsent(orgId, key -> new ArrayDeque<>());
        synchronized (events) {
            events.addLast(event);
            while (events.size() > capacity) {
                events.removeFirst();
            }
        }
    }

    /**
     * The org's events after {@code lastEventId}, oldest first; empty when that id is not held (too old, another
     * org's, or unknown): then the client cannot be brought up to date by replay.
     */
    Optional<List<Event>> after(String orgId, String lastEventId) {
        Deque<Event> events = byOrg.get(orgId);
        if (events == null) {
            return Optional.empty();
        }
        synchronized (events) {
            List<Event> copy = List.copyOf(events);
            for (int i = copy.size() - 1; i >= 0; i--) {
                if (copy.get(i).id().equals(lastEventId)) {
                    return Optional.of(copy.subList(i + 1, copy.size()));
                }
            }
            return Optional.empty();
        }
    }

    int size(String orgId) {
        Deque<Event> events = byOrg.get(orgId);
        if (events == null) {
            return 0;
        }
        synchronized (events) {
            return events.size();
        }
    }
}
