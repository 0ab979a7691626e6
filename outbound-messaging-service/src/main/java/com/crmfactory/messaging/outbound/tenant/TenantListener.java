package com.crmfactory.messaging.outbound.tenant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/** {@code platform.tenants.v1}: sender numbers and help text. Full-state events: applying one twice is harmless. */
@Component
class TenantListener {

    private final IncomingEvents events;
    private final TenantDirectory directory;

    TenantListener(IncomingEvents events, TenantDirectory directory) {
        this.events = events;
        this.directory = directory;
    }

    @KafkaListener(id = "outbound-tenants", idIsGroup = false, topics = Topics.PLATFORM_TENANTS)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        // every delivery: the newest full state replaces the copy, so a repeat changes nothing
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof TenantUpserted tenant) {
                directory.replace(tenant);
            }
        });
    }
}
