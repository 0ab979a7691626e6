package com.crmfactory.messaging.template.approval;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The periodic approval sync ({@code platform.template.approval-sync.*}).
 *
 * @param enabled whether this instance runs the periodic sync (on-demand sync works regardless)
 * @param interval pause between runs, and how long a template rests after being checked
 * @param initialDelay pause after start-up before the first run
 * @param batchSize templates claimed per run and replica
 */
@ConfigurationProperties("platform.template.approval-sync")
public record ApprovalSyncProperties(@DefaultValue("true") boolean enabled, @DefaultValue("15m") Duration interval,
        @DefaultValue("1m") Duration initialDelay, @DefaultValue("50") int batchSize) {
}
