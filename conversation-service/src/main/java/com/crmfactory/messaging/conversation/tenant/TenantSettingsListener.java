package com.crmfactory.messaging.conversation.tenant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/** {@code platform.tenants.v1} (compacted, the gateway's): our copy of the org settings this service needs. */
@Component
class TenantSettingsListener {

    private final IncomingEvents events;
    private final TenantSettingsService settings;

    TenantSettingsListener(IncomingEvents events, TenantSettingsService settings) {
        this.events = events;
        this.settings = settings;
    }

    @KafkaListener(id = "conversation-tenants", idIsGroup = false, topics = Topics.PLATFORM_TENANTS)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        // every delivery: each value is the org's full state and the copy keeps the newest, so a repeat changes nothing
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof TenantUpserted tenant) {
                settings.apply(tenant);
            }
        });
    }
}
