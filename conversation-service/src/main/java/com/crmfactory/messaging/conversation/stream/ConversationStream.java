package com.crmfactory.messaging.conversation.stream;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams of this instance, per org. An event is only ever written to the
 * streams of the org it belongs to. The last events of each org are kept ({@link RecentEvents}): a client
 * that reconnects with {@code Last-Event-ID} is sent the ones it missed, or a {@code reset} event when they
 * are no longer held (it then reloads).
 */
@Component
public class ConversationStream implements SmartLifecycle {

    private final Map<String, Set<SseEmitter>> subscribers = new ConcurrentHashMap<>();
    private final StreamProperties properties;
    private final RecentEvents recent;
    private volatile boolean running;

    ConversationStream(StreamProperties properties) {
        this.properties = properties;
        this.recent = new RecentEvents(properties.replayBufferPerOrg());
    }

    public SseEmitter subscribe(String orgId) {
        return subscribe(orgId, null);
    }

    /**
     * @param lastEventId the {@code Last-Event-ID} of a reconnecting client (null on a first connection): the
     *                    org's events after it are sent first, or {@code reset} when they are not held
     */
    public synchronized SseEmitter subscribe(String orgId, String lastEventId) {
        Set<SseEmitter> emitters = subscribers.computeIfAbsent(orgId, key -> ConcurrentHashMap.newKeySet());
        if (emitters.size() >= properties.maxConnectionsPerOrg()) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "Too many open streams for this organisation.");
        }
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> emitters.remove(emitter));
        send(orgId, emitter, SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
        if (lastEventId != null && !lastEventId.isBlank()) {
            recent.after(orgId, lastEventId).ifPresentOrElse(
                    missed -> missed.forEach(event -> send(orgId, emitter, SseEmitter.event().id(event.id())
                            .name(event.name()).data(event.json(), MediaType.APPLICATION_JSON))),
                    () -> send(orgId, emitter, SseEmitter.event().name("reset").data("{}", MediaType.APPLICATION_JSON)));
        }
        return emitter;
    }

    /**
     * Writes one event to every stream of {@code orgId} and keeps it for replay. Synchronised with
     * {@link #subscribe(String, String)}: a reconnecting client gets each event once, from the replay or live.
     */
    public synchronized void publish(String orgId, String name, String id, String json) {
        recent.add(orgId, new RecentEvents.Event(id, name, json));
        for (SseEmitter emitter : subscribers.getOrDefault(orgId, Set.of())) {
            send(orgId, emitter, SseEmitter.event().id(id).name(name).data(json, MediaType.APPLICATION_JSON));
        }
    }

    public int connections(String orgId) {
        return subscribers.getOrDefault(orgId, Set.of()).size();
    }

    @Scheduled(fixedDelayString = "${conversation.stream.heartbeat-interval:20s}")
    public void heartbeat() {
        subscribers.forEach((orgId, emitters) -> emitters
                .forEach(emitter -> send(orgId, emitter, SseEmitter.event().comment("keepalive"))));
    }

    private void send(String orgId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            subscribers.getOrDefault(orgId, Set.of()).remove(emitter);
            emitter.completeWithError(e);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream before the web server's graceful shutdown waits for open requests. */
    @Override
    public void stop() {
        running = false;
        subscribers.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
