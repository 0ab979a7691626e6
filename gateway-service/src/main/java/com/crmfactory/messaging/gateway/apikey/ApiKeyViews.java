package com.crmfactory.messaging.gateway.apikey;

import java.time.Instant;
import java.util.UUID;

/** Bodies of the admin API's key endpoints. Only {@link Issued} ever carries the key itself. */
public final class ApiKeyViews {

    private ApiKeyViews() {
    }

    /**
     * {@code POST /admin/v1/orgs/{orgId}/api-keys}: an optional name, and optionally the key's own rate
     * limit (both or neither of {@code requestsPerSecond} and {@code burst}).
     */
    public record CreateRequest(String name, Integer requestsPerSecond, Integer burst) {
    }

    /** A new key, shown this once: the gateway keeps only its hash. */
    public record Issued(UUID id, String orgId, String name, String prefix, String key, Integer requestsPerSecond,
            Integer burst, Instant createdAt) {
    }

    /** A key in listings: its prefix identifies it, nothing more is shown. */
    public record Listed(UUID id, String name, String prefix, Integer requestsPerSecond, Integer burst,
            Instant createdAt, Instant revokedAt) {

        static Listed of(ApiKey key) {
            return new Listed(key.id(), key.name(), key.prefix(), key.requestsPerSecond(), key.burst(), key.createdAt(),
                    key.revokedAt());
        }
    }
}
