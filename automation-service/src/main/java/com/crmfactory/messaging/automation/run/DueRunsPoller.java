package com.crmfactory.messaging.automation.run;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resumes due runs: after a wait (kept in PostgreSQL, so it survives restarts), an http_request, or a
 * step that waits for the session. Several instances share the work: claims skip locked rows.
 */
@Component
@ConditionalOnProperty(name = "automation.poller-enabled", matchIfMissing = true)
class DueRunsPoller {

    private final RunService runs;

    DueRunsPoller(RunService runs) {
        this.runs = runs;
    }

    @Scheduled(fixedDelayString = "${automation.wait-poll-interval:500ms}", initialDelayString = "${automation.wait-poll-interval:500ms}")
    void poll() {
        while (runs.resumeDue() > 0) {
            // drain what is due before sleeping again
        }
    }
}
