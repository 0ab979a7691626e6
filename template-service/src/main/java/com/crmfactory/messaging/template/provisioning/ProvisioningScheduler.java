package com.crmfactory.messaging.template.provisioning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works the provisioning queue every {@code platform.template.provisioning.poll-interval} on every replica
 * (the claim shares the rows out, no leader needed); says at start-up when it cannot, for want of Twilio
 * credentials. Off with {@code platform.template.provisioning.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "platform.template.provisioning.enabled", matchIfMissing = true)
class ProvisioningScheduler {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningScheduler.class);

    private final ContentProvisioner provisioner;
    private final JdbcTemplate jdbc;

    ProvisioningScheduler(ContentProvisioner provisioner, JdbcTemplate jdbc) {
        this.provisioner = provisioner;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        Integer waiting = jdbc.queryForObject(
                "SELECT count(*) FROM content_provisioning WHERE state IN ('CREATE', 'SUBMIT')", Integer.class);
        if (provisioner.enabled()) {
            log.info("Content provisioning is on: {} templates wait for their Twilio Content resource or approval request", waiting);
        } else {
            log.warn("Content provisioning is off: no Twilio credentials (PLATFORM_TWILIO_ACCOUNT_SID, "
                    + "PLATFORM_TWILIO_AUTH_TOKEN); {} templates wait for it", waiting);
        }
    }

    @Scheduled(fixedDelayString = "${platform.template.provisioning.poll-interval:5s}",
            initialDelayString = "${platform.template.provisioning.initial-delay:5s}")
    void run() {
        try {
            int worked = provisioner.provisionDue();
            if (worked > 0) {
                log.info("Content provisioning worked on {} templates", worked);
            }
        } catch (RuntimeException e) {
            log.warn("Content provisioning run failed, next run in one poll interval: {}", e.getMessage());
        }
    }
}
