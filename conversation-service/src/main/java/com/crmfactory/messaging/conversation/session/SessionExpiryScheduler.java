package com.crmfactory.messaging.conversation.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Runs the expiry scan every {@code conversation.sessions.expiry-interval}; safe on every replica. */
@Component
@ConditionalOnProperty(name = "conversation.sessions.expiry-enabled", matchIfMissing = true)
class SessionExpiryScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SessionExpiryScheduler.class);

    private final SessionExpiryService expiry;
    private final SessionProperties properties;

    SessionExpiryScheduler(SessionExpiryService expiry, SessionProperties properties) {
        this.expiry = expiry;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::run, properties.expiryInterval());
    }

    private void run() {
        try {
            int closed = expiry.expireDue();
            if (closed > 0) {
                log.info("Expired {} sessions", closed);
            }
        } catch (RuntimeException e) {
            log.warn("Session expiry scan failed, retrying next interval: {}", e.getMessage());
        }
    }
}
