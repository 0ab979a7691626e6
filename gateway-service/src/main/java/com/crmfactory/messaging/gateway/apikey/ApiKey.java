package com.crmfactory.messaging.gateway.apikey;

import java.time.Instant;
import java.util.UUID;

/** An API key as stored: its hash, never the key. Rate limits are null when the gateway default applies. */
public record ApiKey(UUID id, String orgId, String name, String prefix, String hash, Integer requestsPerSecond,
        Integer burst, Instant createdAt, Instant revokedAt) {
}
