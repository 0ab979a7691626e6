package com.crmfactory.messaging.gateway.admin;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.gateway.apikey.ApiKeySecrets;

/**
 * The configured admin key, if any. Without one the admin API is disabled rather than guarded by a key
 * nobody was told; the reason is logged once at start. Compared in constant time.
 */
@Component
public class AdminKey {

    /** Why the admin API answers 503; also the start-up log line. */
    public static final String DISABLED_REASON = "admin API disabled: PLATFORM_ADMIN_API_KEY is not set";

    private static final Logger log = LoggerFactory.getLogger(AdminKey.class);
    private static final int MIN_LENGTH = 16;

    private final Optional<String> key;

    public AdminKey(AdminProperties properties) {
        String configured = properties.apiKey() == null ? "" : properties.apiKey().strip();
        if (configured.isEmpty()) {
            log.warn("{}: every /admin/v1/** request answers 503 until it is set", DISABLED_REASON);
            this.key = Optional.empty();
            return;
        }
        if (configured.length() < MIN_LENGTH) {
            throw new IllegalStateException("PLATFORM_ADMIN_API_KEY must have at least " + MIN_LENGTH + " characters");
        }
        this.key = Optional.of(configured);
    }

    public boolean configured() {
        return key.isPresent();
    }

    /** False when no admin key is configured, whatever is presented. */
    public boolean matches(String presented) {
        return key.isPresent() && presented != null && ApiKeySecrets.sameSecret(key.get(), presented);
    }
}
