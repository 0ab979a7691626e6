package com.crmfactory.messaging.gateway.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.gateway.apikey.ApiKeySecrets;
import com.crmfactory.messaging.gateway.bootstrap.SecretFile;

/** The admin key: configured, or generated at start-up and shown once. Compared in constant time. */
@Component
public class AdminKey {

    private static final Logger log = LoggerFactory.getLogger(AdminKey.class);
    private static final int MIN_LENGTH = 16;

    private final String key;

    public AdminKey(AdminProperties properties) {
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            if (properties.apiKey().strip().length() < MIN_LENGTH) {
                throw new IllegalStateException("PLATFORM_ADMIN_API_KEY must have at least " + MIN_LENGTH + " characters");
            }
            this.key = properties.apiKey().strip();
            return;
        }
        this.key = ApiKeySecrets.generate("oma_");
        // deliberately logged (once, and only this generated key): it is the operator's only way to get it
        log.warn("PLATFORM_ADMIN_API_KEY is not set. Admin key for this run (shown once): {}", key);
        SecretFile.write(properties.apiKeyFile(), key);
    }

    public boolean matches(String presented) {
        return ApiKeySecrets.sameSecret(key, presented);
    }
}
