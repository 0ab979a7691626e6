package com.crmfactory.messaging.gateway.apikey;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.crmfactory.messaging.gateway.org.OrgChanged;
import com.crmfactory.messaging.gateway.web.Blocking;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * Finds the principal of a presented API key without a database round trip per request: lookups
 * (misses too, so a flood of wrong keys cannot flood the database) are cached by key hash for
 * {@code cache-ttl}. Concurrent first requests with one key share one query. Revoking a key or
 * changing an org evicts this replica's entries at once; other replicas follow within the TTL.
 */
@Component
public class ApiKeyAuthenticator {

    private final ApiKeyRepository keys;
    private final AsyncCache<String, Optional<ApiKeyPrincipal>> cache;

    public ApiKeyAuthenticator(ApiKeyRepository keys, ApiKeyProperties properties) {
        this.keys = keys;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(properties.cacheSize())
                .buildAsync();
    }

    public Mono<Optional<ApiKeyPrincipal>> authenticate(String presentedKey) {
        String hash = ApiKeySecrets.hash(presentedKey);
        // suppressCancel: a client hanging up must not cancel the lookup other requests wait for
        return Mono.fromFuture(cache.get(hash, (key, executor) -> Blocking.call(() -> keys.findPrincipal(key)).toFuture()),
                true);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ApiKeyRevoked revoked) {
        evictIf(principal -> principal.keyId().equals(revoked.keyId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(OrgChanged changed) {
        evictIf(principal -> principal.orgId().equals(changed.orgId()));
    }

    private void evictIf(java.util.function.Predicate<ApiKeyPrincipal> matches) {
        cache.synchronous().asMap().values().removeIf(found -> found.isPresent() && matches.test(found.get()));
    }
}
