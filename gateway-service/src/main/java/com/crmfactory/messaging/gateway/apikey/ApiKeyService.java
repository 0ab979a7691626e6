package com.crmfactory.messaging.gateway.apikey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.gateway.org.OrgRepository;
import com.crmfactory.messaging.gateway.web.InvalidFieldsException;
import com.crmfactory.messaging.support.web.ConflictException;
import com.crmfactory.messaging.support.web.NotFoundException;

/**
 * Issues, lists and revokes an org's API keys. Keys are secrets: they never go on
 * {@code platform.tenants.v1}, so key changes publish nothing.
 */
@Service
public class ApiKeyService {

    static final int MAX_NAME = 100;
    static final int MAX_RATE = 10_000;

    private final ApiKeyRepository keys;
    private final OrgRepository orgs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ApiKeyService(ApiKeyRepository keys, OrgRepository orgs, ApplicationEventPublisher events, Clock clock) {
        this.keys = keys;
        this.orgs = orgs;
        this.events = events;
        this.clock = clock;
    }

    /** A new random key for the org; the answer is the only place it ever appears. */
    @Transactional
    public ApiKeyViews.Issued issue(String orgId, ApiKeyViews.CreateRequest request) {
        return issue(orgId, request, ApiKeySecrets.generate());
    }

    /** Registers a key chosen outside (the bootstrap key the local stack hands in); stored hashed all the same. */
    @Transactional
    public ApiKeyViews.Issued issue(String orgId, ApiKeyViews.CreateRequest request, String key) {
        check(request);
        if (!orgs.exists(orgId)) {
            throw new NotFoundException("Org", orgId);
        }
        Instant now = clock.instant();
        String name = request.name() == null || request.name().isBlank() ? null : request.name().strip();
        ApiKey stored = new ApiKey(UUID.randomUUID(), orgId, name, ApiKeySecrets.displayPrefix(key),
                ApiKeySecrets.hash(key), request.requestsPerSecond(), request.burst(), now, null);
        try {
            keys.insert(stored);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("This key is already registered");
        }
        return new ApiKeyViews.Issued(stored.id(), orgId, name, stored.prefix(), key, stored.requestsPerSecond(),
                stored.burst(), now);
    }

    @Transactional(readOnly = true)
    public List<ApiKeyViews.Listed> list(String orgId) {
        if (!orgs.exists(orgId)) {
            throw new NotFoundException("Org", orgId);
        }
        return keys.findByOrg(orgId).stream().map(ApiKeyViews.Listed::of).toList();
    }

    @Transactional
    public void revoke(String orgId, String keyId) {
        UUID id;
        try {
            id = UUID.fromString(keyId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("API key", keyId);
        }
        if (!keys.revoke(orgId, id, Timestamp.from(clock.instant()))) {
            throw new NotFoundException("API key", keyId);
        }
        events.publishEvent(new ApiKeyRevoked(id));
    }

    private static void check(ApiKeyViews.CreateRequest request) {
        Integer rate = request.requestsPerSecond();
        Integer burst = request.burst();
        new InvalidFieldsException.Collector()
                .check(request.name() == null || request.name().strip().length() <= MAX_NAME, "name",
                        "name has at most " + MAX_NAME + " characters")
                .check((rate == null) == (burst == null), rate == null ? "requestsPerSecond" : "burst",
                        "requestsPerSecond and burst go together: give both or neither")
                .check(rate == null || (rate >= 1 && rate <= MAX_RATE), "requestsPerSecond",
                        "requestsPerSecond is between 1 and " + MAX_RATE)
                .check(burst == null || (burst >= 1 && burst <= MAX_RATE), "burst", "burst is between 1 and " + MAX_RATE)
                .throwIfAny();
    }
}
