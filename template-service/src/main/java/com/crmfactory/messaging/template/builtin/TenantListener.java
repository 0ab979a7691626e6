package com.crmfactory.messaging.template.builtin;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.tenant.TenantUpserted;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/**
 * {@code platform.tenants.v1}: a new org gets its built-in templates right away, so senders that resolve
 * keys from their copy of {@code templates.catalog.v1} find {@code welcome_menu} before the org ever
 * calls this API. Idempotent by nature (the defaults are created once per org), so a redelivered or
 * repeated TenantUpserted needs no processed-event record.
 */
@Component
class TenantListener {

    private final IncomingEvents events;
    private final DefaultTemplates defaults;

    TenantListener(IncomingEvents events, DefaultTemplates defaults) {
        this.events = events;
        this.defaults = defaults;
    }

    @KafkaListener(topics = Topics.PLATFORM_TENANTS)
    void on(ConsumerRecord<String, String> record) {
        // every delivery: creating the built-ins is idempotent (an org that has them keeps them)
        events.every(record)
                .filter(event -> event.payload() instanceof TenantUpserted)
                .ifPresent(event -> defaults.ensureFor(event.payload().orgId()));
    }
}
