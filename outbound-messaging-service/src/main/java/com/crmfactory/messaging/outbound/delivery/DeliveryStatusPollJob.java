package com.crmfactory.messaging.outbound.delivery;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the {@link DeliveryStatusPoller} every {@code platform.outbound.status-poll.interval} on each replica. */
@Component
class DeliveryStatusPollJob {

    private final DeliveryStatusPoller poller;

    DeliveryStatusPollJob(DeliveryStatusPoller poller) {
        this.poller = poller;
    }

    @Scheduled(fixedDelayString = "${platform.outbound.status-poll.interval:15s}",
            initialDelayString = "${platform.outbound.status-poll.interval:15s}")
    void run() {
        poller.pollDue();
    }
}
