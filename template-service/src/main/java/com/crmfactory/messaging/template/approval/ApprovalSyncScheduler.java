package com.crmfactory.messaging.template.approval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the approval sync every {@code platform.template.approval-sync.interval} on every replica; the
 * claim in {@link ApprovalSyncQueue} shares the work out, so no leader is needed. Off with
 * {@code platform.template.approval-sync.enabled=false}; idle when Twilio is not configured.
 */
@Component
@ConditionalOnProperty(name = "platform.template.approval-sync.enabled", matchIfMissing = true)
class ApprovalSyncScheduler {

    private static final Logger log = LoggerFactory.getLogger(ApprovalSyncScheduler.class);

    private final ApprovalSyncService sync;

    ApprovalSyncScheduler(ApprovalSyncService sync) {
        this.sync = sync;
    }

    @Scheduled(fixedDelayString = "${platform.template.approval-sync.interval:15m}",
            initialDelayString = "${platform.template.approval-sync.initial-delay:1m}")
    void run() {
        try {
            int checked = sync.syncDue();
            if (checked > 0) {
                log.info("Approval sync checked {} templates with Twilio", checked);
            }
        } catch (RuntimeException e) {
            log.warn("Approval sync run failed, next run in one interval: {}", e.getMessage());
        }
    }
}
