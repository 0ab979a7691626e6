package com.crmfactory.messaging.conversation.template;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.Topics;
import com.crmfactory.messaging.events.template.TemplateDeleted;
import com.crmfactory.messaging.events.template.TemplateUpserted;
import com.crmfactory.messaging.support.consumer.IncomingEvents;

/** {@code templates.catalog.v1} (compacted, template-service's): our copy of each org's templates. */
@Component
class TemplateCatalogListener {

    private final IncomingEvents events;
    private final TemplateCatalogService catalog;

    TemplateCatalogListener(IncomingEvents events, TemplateCatalogService catalog) {
        this.events = events;
        this.catalog = catalog;
    }

    @KafkaListener(id = "conversation-templates", idIsGroup = false, topics = Topics.TEMPLATES_CATALOG)
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        // every delivery: each value is the template's full state and the copy keeps the newest, so a repeat changes nothing
        events.every(record).ifPresent(event -> {
            if (event.payload() instanceof TemplateUpserted upserted) {
                catalog.apply(upserted);
            } else if (event.payload() instanceof TemplateDeleted deleted) {
                catalog.apply(deleted);
            }
        });
    }
}
