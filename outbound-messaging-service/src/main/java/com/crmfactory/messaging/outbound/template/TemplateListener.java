package com.crmfactory.messaging.outbound.template;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.template.TemplateDeleted;
import com.crmfactory.messaging.events.template.TemplateUpserted;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/** {@code templates.catalog.v1}: full-state upserts and deletions, idempotent by nature. */
@Component
class TemplateListener {

    private final IncomingEvents events;
    private final TemplateCatalog catalog;

    TemplateListener(IncomingEvents events, TemplateCatalog catalog) {
        this.events = events;
        this.catalog = catalog;
    }

    @KafkaListener(id = "outbound-templates", idIsGroup = false, topics = Topics.TEMPLATES_CATALOG)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        // every delivery: the newest full state replaces the copy, so a repeat changes nothing
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof TemplateUpserted upserted) {
                catalog.upsert(upserted);
            } else if (event.payload() instanceof TemplateDeleted deleted) {
                catalog.delete(deleted);
            }
        });
    }
}
