package com.crmfactory.messaging.gateway.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a database without orgs, creates the default org owning {@code PLATFORM_TWILIO_SMS_NUMBER} and
 * {@code PLATFORM_TWILIO_WHATSAPP_NUMBER} with one API key, so a fresh installation can be used at
 * once. A generated key is printed this once (the database keeps only its hash); later starts find the
 * org and do nothing.
 */
@Component
class DefaultOrgBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultOrgBootstrap.class);

    private final BootstrapService bootstrap;
    private final BootstrapProperties properties;

    DefaultOrgBootstrap(BootstrapService bootstrap, BootstrapProperties properties) {
        this.bootstrap = bootstrap;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        bootstrap.createDefaultOrgIfNone(properties).ifPresentOrElse(created -> {
            if (created.keyGenerated()) {
                // never logged (logs are collected and kept): the key file, or a key issued by the admin API
                log.warn("Default org '{}' created with a generated API key, not logged: {}", created.orgId(),
                        hasText(properties.apiKeyFile()) ? "it is in " + properties.apiKeyFile()
                                : "issue one through the admin API, or set PLATFORM_BOOTSTRAP_API_KEY");
            } else {
                log.warn("Default org '{}' created. Its API key is the one given in PLATFORM_BOOTSTRAP_API_KEY.",
                        created.orgId());
            }
            SecretFile.write(properties.apiKeyFile(), created.apiKey());
        }, () -> log.info("Orgs exist: no default org created"));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
